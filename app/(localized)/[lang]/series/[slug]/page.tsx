// The same page as app/(public)/series/[slug]/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
export const revalidate = 60;
export { default, generateMetadata, generateStaticParams } from "@/app/(public)/series/[slug]/page";
