// The same file as app/(public)/topics/[slug]/feed.xml/route.ts, in another enabled language (app/(localized)/[lang]/layout.tsx).
export const revalidate = 60;
export { generateStaticParams, GET } from "@/app/(public)/topics/[slug]/feed.xml/route";
