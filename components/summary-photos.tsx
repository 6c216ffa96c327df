"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useId, useState } from "react";
import { orderPhotos, removePhoto, updatePhotoDetails } from "@/app/(staff)/admin/events/[id]/summary/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { Language } from "@/lib/i18n/languages";
import { photoDetailsSchema } from "@/lib/validations/summary";
import { ACCEPTED_IMAGE_TYPES, MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from "@/lib/validations/upload";

/** A photo's caption and description in the version edited; `fallback` holds the default language's, shown where these are empty. */
type Photo = {
  id: string;
  storageKey: string;
  width: number;
  height: number;
  caption: string | null;
  altText: string | null;
  fallback?: { caption: string | null; altText: string | null } | null;
};
/** The version edited, and its language in words; both left out for the default language's. */
type Version = { language?: Language; languageLabel?: string | null };
type Upload = { key: string; name: string; progress: number; error?: string; done?: boolean };

/** Sends one file to the upload endpoint, reporting progress; resolves with an error message or null. */
function send(file: File, eventId: string, onProgress: (percent: number) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?${new URLSearchParams({ purpose: "event", eventId })}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve(xhr.status === 201 ? null : ((xhr.response as { error?: string } | null)?.error ?? "The upload did not get through."));
    xhr.onerror = () => resolve("The upload did not get through. Check your connection and try again.");
    xhr.send(file);
  });
}

function PhotoUploader({ eventId }: { eventId: string }) {
  const router = useRouter();
  const id = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const busy = uploads.some((u) => !u.done && !u.error);

  const update = (key: string, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = "";
    const batch = files.map((f, i) => ({ file: f, key: `${Date.now()}-${i}-${f.name}` }));
    setUploads(batch.map(({ file, key }) => ({ key, name: file.name, progress: 0 })));
    // One at a time: a row of large photos would otherwise compete for the same connection.
    for (const { file, key } of batch) {
      if (file.size > MAX_UPLOAD_BYTES) {
        update(key, { error: UPLOAD_MESSAGES.tooLarge });
        continue;
      }
      const error = await send(file, eventId, (progress) => update(key, { progress }));
      update(key, error ? { error } : { done: true, progress: 100 });
      if (!error) router.refresh();
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Add photos
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        disabled={busy}
        onChange={onChange}
        aria-describedby={`${id}-hint`}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Choose one or several JPEG, PNG or WebP photos of up to 10 MB each. Camera and location details are removed.
      </p>
      {uploads.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key} className="flex flex-wrap items-center gap-3">
              <span className="min-w-40 truncate">{u.name}</span>
              {u.error ? (
                <span role="alert" className="text-red-700">
                  {u.error}
                </span>
              ) : (
                <>
                  <progress max={100} value={u.progress} aria-label={`Upload of ${u.name}`} className="h-2 w-40 accent-brand-700" />
                  <span aria-hidden="true" className="tabular-nums">
                    {u.done ? "Done" : `${u.progress}%`}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type DetailsProps = Version & { eventId: string; photo: Photo; index: number; count: number; published: boolean; onMove: (from: number, to: number) => void };

function PhotoDetails({ eventId, language, languageLabel, photo, index, count, published, onMove }: DetailsProps) {
  const router = useRouter();
  // The summary's actions mark only the public pages stale, and a draft event has none: the page is
  // refreshed by hand. A refused removal (the photo was already gone) refreshes it too.
  const remover = useActionButton(removePhoto, { onSettled: () => router.refresh() });
  const { form, message, onSubmit, errors, pending } = useActionForm(photoDetailsSchema, updatePhotoDetails, {
    defaultValues: { eventId, id: photo.id, language, caption: photo.caption ?? "", altText: photo.altText ?? "" },
    onSuccess: () => {
      form.reset(form.getValues());
      router.refresh();
    },
  });
  const label = photo.caption || photo.fallback?.caption || `Photo ${index + 1}`;
  const inLanguage = languageLabel ? ` in ${languageLabel}` : "";
  const shownInstead = (text: string | null | undefined) => (photo.fallback && text ? `Left empty, the public page shows: “${text}”.` : undefined);

  return (
    <li className="grid gap-4 rounded-md border border-slate-200 p-4 md:grid-cols-[12rem_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`/media/${photo.storageKey}`} alt={photo.altText ?? photo.fallback?.altText ?? ""} width={photo.width} height={photo.height} className="h-auto w-48 rounded bg-slate-100" />
      <form method="post" onSubmit={onSubmit} noValidate aria-label={`Details of ${label}`} className="space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        {!photo.fallback && !photo.altText?.trim() && (
          <Alert tone="warning">
            {published
              ? "The public page leaves this photo out until it has a description."
              : "This photo needs a description before the summary can be published."}
          </Alert>
        )}
        <Field label={`Caption of photo ${index + 1}${inLanguage}`} error={errors.caption?.message} hint={shownInstead(photo.fallback?.caption)}>
          {(p) => <Input {...p} lang={language} {...form.register("caption")} />}
        </Field>
        <Field
          label={`Description of photo ${index + 1} (alt text)${inLanguage}`}
          error={errors.altText?.message}
          hint={shownInstead(photo.fallback?.altText) ?? "What the photo shows, for people who cannot see it: “Minister Kamikawa speaking at the lectern”."}
        >
          {(p) => <Input {...p} lang={language} {...form.register("altText")} />}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending}>
            Save photo details<span className="sr-only">{inLanguage}</span>
          </Button>
          {/* The photos themselves, and their order, are one set for every language: managed in the default's. */}
          {!language && (
            <>
          <Button type="button" variant="secondary" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            Move up<span className="sr-only"> {label}</span>
          </Button>
          <Button type="button" variant="secondary" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            Move down<span className="sr-only"> {label}</span>
          </Button>
          <Button
            type="button"
            variant="danger"
            pending={remover.pending}
            onClick={() => window.confirm("Remove this photo from the event?") && remover.run({ eventId, id: photo.id })}
          >
            Remove<span className="sr-only"> {label}</span>
          </Button>
            </>
          )}
        </div>
        {remover.error && (
          <p role="alert" className="text-sm text-red-700">
            {remover.error}
          </p>
        )}
      </form>
    </li>
  );
}

export function SummaryPhotos({ eventId, language, languageLabel, photos, published }: Version & { eventId: string; photos: Photo[]; published: boolean }) {
  const router = useRouter();
  const { run: order } = useActionButton(orderPhotos, { onSettled: () => router.refresh() });
  const move = (from: number, to: number) => {
    const ids = photos.map((p) => p.id);
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    order({ eventId, ids });
  };

  return (
    <section aria-labelledby="photos-heading" className="space-y-4">
      <h2 id="photos-heading" className="text-lg font-semibold">
        Photos{languageLabel ? `: captions and descriptions in ${languageLabel}` : ""}
      </h2>
      {language ? (
        <p className="text-sm text-slate-600">Add, order and remove photos in the default language&apos;s tab: they are the same in every language.</p>
      ) : (
        <PhotoUploader eventId={eventId} />
      )}
      {photos.length === 0 ? (
        <p className="text-sm text-slate-600">No photos yet.</p>
      ) : (
        <ol className="space-y-4">
          {photos.map((photo, i) => (
            <PhotoDetails key={photo.id} eventId={eventId} language={language} languageLabel={languageLabel} photo={photo} index={i} count={photos.length} published={published} onMove={move} />
          ))}
        </ol>
      )}
    </section>
  );
}
