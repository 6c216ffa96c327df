// The same page as app/(public)/people/[slug]/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
export { default, generateMetadata } from "@/app/(public)/people/[slug]/page";
