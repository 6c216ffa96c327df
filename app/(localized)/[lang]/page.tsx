// The same page as app/(public)/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
export const revalidate = 60;
export { default } from "@/app/(public)/page";
