import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  // The one look of every destructive action (delete, remove, cancel, undo), first step and confirmation alike.
  danger: "border border-red-700 bg-red-700 text-white hover:bg-red-800 disabled:border-slate-400 disabled:bg-slate-400",
  link: "text-brand-700 underline underline-offset-2 hover:decoration-2 disabled:text-slate-400 px-0",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  pending?: boolean;
};

/** The classes of a button, for a link that acts as one (a step that works without JavaScript). */
export function buttonClassName(variant: ButtonVariant = "primary", className = ""): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`;
}

export function Button({ variant = "primary", pending, className = "", children, disabled, ...props }: ButtonProps) {
  return (
    <button {...props} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClassName(variant, className)}>
      {pending && (
        <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
      )}
      {children}
    </button>
  );
}
