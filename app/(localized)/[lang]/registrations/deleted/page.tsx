// The same page as app/(public)/registrations/deleted/page.tsx, in another enabled language (app/(localized)/[lang]/layout.tsx).
// Rendered per request like its twin (it reads the query or the clock); the parent's empty params list
// would otherwise make it look static.
export const dynamic = "force-dynamic";
export { default, generateMetadata } from "@/app/(public)/registrations/deleted/page";
