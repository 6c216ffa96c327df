/** A portrait as stored: the file is already re-encoded and bounded, so it is shown as it is. */
export function ProfilePortrait({
  src,
  alt,
  width,
  height,
  className = "",
}: {
  src: string;
  alt: string;
  width?: number | null;
  height?: number | null;
  className?: string;
}) {
  return (
    // next/image's optimizer would fetch the file without the viewer's session (a photo waiting for
    // review is not public) and keep copies of its own; the stored file needs neither.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading="lazy"
      decoding="async"
      className={`h-auto rounded-md border border-slate-200 bg-slate-100 object-cover ${className}`}
    />
  );
}
