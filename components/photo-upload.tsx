"use client";

import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  ACCEPTED_IMAGE_TYPES,
  MAX_UPLOAD_BYTES,
  UPLOAD_MESSAGES,
  type UploadedMedia,
  type UploadPurpose,
} from "@/lib/validations/upload";

type Props = {
  /** A person's portrait, or a photo of an event. */
  purpose: UploadPurpose;
  /** Whose portrait (staff uploading for someone); a panelist's own when left out. */
  personId?: string;
  /** The event an event photo belongs to. */
  eventId?: string;
  label?: string;
  hint?: string;
  /** Called with the stored photo once the upload succeeds. */
  onUploaded: (media: UploadedMedia) => void;
};

const FAILED = "The upload did not get through. Check your connection and try again.";

/**
 * Chooses a photo and uploads it straight away, with a progress bar. The server decides what the
 * file is by its content; the checks here only save a pointless wait for a file that is too large.
 */
export function PhotoUpload({ purpose, personId, eventId, label = "Upload a photo", hint, onUploaded }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => () => request.current?.abort(), []);

  function finish() {
    request.current = null;
    setProgress(null);
    if (input.current) input.current.value = "";
  }

  function upload(file: File) {
    setError(null);
    setStatus(null);
    if (file.size === 0) return setError(UPLOAD_MESSAGES.empty);
    if (file.size > MAX_UPLOAD_BYTES) {
      if (input.current) input.current.value = "";
      return setError(UPLOAD_MESSAGES.tooLarge);
    }
    const params = new URLSearchParams({ purpose });
    if (personId) params.set("personId", personId);
    if (eventId) params.set("eventId", eventId);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/uploads?${params}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      const body = xhr.response as (Partial<UploadedMedia> & { error?: string }) | null;
      finish();
      if (xhr.status === 201 && body?.id && body.url) {
        setStatus("Photo uploaded.");
        onUploaded({ id: body.id, url: body.url, width: body.width ?? 0, height: body.height ?? 0 });
      } else {
        setError(body?.error ?? FAILED);
      }
    };
    xhr.onerror = () => {
      finish();
      setError(FAILED);
    };
    xhr.onabort = () => {
      finish();
      setStatus("Upload cancelled.");
    };
    setProgress(0);
    xhr.send(file);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        accept={ACCEPTED_IMAGE_TYPES.join(",")}
        disabled={progress !== null}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        aria-invalid={Boolean(error)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const file = e.target.files?.[0];
          if (file) upload(file);
        }}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
      />
      <p id={hintId} className="text-xs text-slate-600">
        {hint ?? "A JPEG, PNG or WebP photo of up to 10 MB. Location and camera details are removed when it is stored."}
      </p>
      {progress !== null && (
        <div className="flex items-center gap-3">
          <progress max={100} value={progress} aria-label="Upload progress" className="h-2 w-48 accent-brand-700">
            {progress}%
          </progress>
          <span className="text-sm tabular-nums text-slate-700" aria-hidden="true">
            {progress}%
          </span>
          <Button type="button" variant="secondary" size="sm" onClick={() => request.current?.abort()}>
            Cancel upload
          </Button>
        </div>
      )}
      <p role="status" className="text-sm text-green-800">
        {status}
      </p>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
