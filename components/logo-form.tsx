"use client";

import { useRouter } from "next/navigation";
import { useActionState, useId, useState } from "react";
import { type LogoFormState, removeLogo, uploadLogo } from "@/app/(staff)/admin/settings/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/validations/upload";
import { logoSchema } from "@/lib/validations/settings";

type Props = { logo: { url: string; width: number; height: number; alt: string } | null };

/**
 * Uploads the organization's logo with a plain form, so that it works before the page's script has
 * loaded; with the script, the same schema as the server's refuses a wrong file before it is sent.
 */
export function LogoForm({ logo }: Props) {
  const router = useRouter();
  const id = useId();
  const [state, formAction, pending] = useActionState<LogoFormState, FormData>(uploadLogo, null);
  const [clientError, setClientError] = useState<string | null>(null);
  // A refusal means the logo was already gone: the page catches up.
  const remover = useActionButton(removeLogo, { done: "Logo removed.", onFailure: () => router.refresh() });
  const error = clientError ?? (state && !state.ok ? (state.error ?? state.message) : null);

  return (
    <div className="max-w-2xl space-y-4">
      {state?.ok && !clientError && <Alert tone="success">{state.message}</Alert>}
      {remover.message && <Alert tone="success">{remover.message}</Alert>}
      {remover.error && <Alert tone="error">{remover.error}</Alert>}
      <div className="flex flex-wrap items-center gap-4">
        {logo ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo.url} alt={logo.alt} width={logo.width} height={logo.height} className="h-16 w-auto rounded border border-slate-200 bg-white p-1" />
        ) : (
          <p className="text-sm text-slate-600">No logo yet: the public pages show the organization’s name alone.</p>
        )}
        {logo && (
          <Button
            type="button"
            variant="secondary"
            pending={remover.pending}
            onClick={() => remover.run()}
          >
            Remove logo
          </Button>
        )}
      </div>
      <form
        action={formAction}
        aria-label="Upload a logo"
        className="space-y-2"
        onSubmit={(e) => {
          const parsed = logoSchema.safeParse({ logo: new FormData(e.currentTarget).get("logo") });
          setClientError(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
          if (!parsed.success) e.preventDefault();
        }}
      >
        <label htmlFor={`${id}-logo`} className="block text-sm font-medium text-slate-800">
          Logo file
        </label>
        <input
          id={`${id}-logo`}
          name="logo"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES.join(",")}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="block text-sm"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          JPEG, PNG or WebP, at most 1 MB. A square or wide mark on a plain or transparent background reads best; it is shown about 40 pixels high.
        </p>
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" pending={pending}>
          Upload logo
        </Button>
      </form>
    </div>
  );
}
