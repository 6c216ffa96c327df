import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  // The one look of every destructive action (delete, remove, cancel, undo), first step and confirmation alike.
  danger: "border border-red-700 bg-red-700 text-white hover:bg-red-800 disabled:border-slate-400 disabled:bg-slate-400",
  link: "text-brand-700 underline underline-offset-2 hover:decoration-2 disabled:text-slate-400",
} as const;

// Padding and text size; a link-styled button keeps only the height, so that it lines up with text.
const SIZES = {
  /** In a dense table row. */
  xs: { x: "px-2", rest: "py-1 text-xs" },
  /** Beside a list item. */
  sm: { x: "px-2", rest: "py-1 text-sm" },
  md: { x: "px-4", rest: "py-2 text-sm" },
  /** At the door, for a thumb on a tablet. */
  lg: { x: "px-5", rest: "h-12 text-base" },
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  pending?: boolean;
};

/** The classes of a button, for a link that acts as one (a step that works without JavaScript). */
export function buttonClassName(variant: ButtonVariant = "primary", className?: string, size: ButtonSize = "md"): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed",
    variant !== "link" && SIZES[size].x,
    SIZES[size].rest,
    VARIANTS[variant],
    className,
  );
}

export function Button({ variant = "primary", size = "md", pending, className, children, disabled, ...props }: ButtonProps) {
  return (
    <button {...props} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClassName(variant, className, size)}>
      {pending && (
        <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
      )}
      {children}
    </button>
  );
}
