// The same page as app/(public)/events/[slug]/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
export const revalidate = 5;
export { default, generateMetadata, generateStaticParams } from "@/app/(public)/events/[slug]/page";
