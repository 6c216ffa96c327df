// The same page as app/(public)/registrations/[token]/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
export { default, generateMetadata } from "@/app/(public)/registrations/[token]/page";
