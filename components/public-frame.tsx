import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/language-switch";
import { SearchForm } from "@/components/search-form";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { getOrganization } from "@/db/queries/settings";
import type { PageLanguage } from "@/lib/i18n/page";
import { translator } from "@/lib/i18n/messages";
import { PUBLIC_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";
import { mediaUrl } from "@/lib/validations/upload";

/**
 * Makes the public pages' few script-driven buttons work (print, copy a link) without shipping a
 * script file: one delegated listener, added once per page load. The buttons stay hidden (class
 * `js-only`) until it has run, so without it none of them is there to do nothing.
 */
function pageActionsScript(copied: string, copyThis: string): string {
  return `(function(){
if(window.__pageActions)return;window.__pageActions=true;
var s=document.createElement("style");s.textContent=".js-only{display:inline-flex!important}";document.head.appendChild(s);
var copied=${JSON.stringify(copied)},copyThis=${JSON.stringify(copyThis)};
document.addEventListener("click",function(e){
var b=e.target instanceof Element?e.target.closest("[data-page-action]"):null;if(!b)return;
var status=b.parentElement&&b.parentElement.querySelector("[data-page-action-status]");
var say=function(t){if(status)status.textContent=t;};
if(b.dataset.pageAction==="print"){window.print();return;}
if(b.dataset.pageAction==="copy-link"){var url=b.dataset.url||location.href;
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(url).then(function(){say(copied);},function(){say(copyThis+url);});}
else say(copyThis+url);}
});})();`.replace(/</g, "\\u003c");
}

/** The public site's header, main area and footer, in the page's language. */
export async function PublicFrame({ page, children }: { page: PageLanguage; children: ReactNode }) {
  // `next build` has no database: a page prerendered then (the home page) shows a neutral name, and its
  // copy expires as soon as the build ends (next.config.js), so the first request renders it for real.
  // Pages that call connection() themselves stay rendered per request.
  const organization = prerenderingAtBuild() ? { name: "", logo: null } : await getOrganization();
  await tagPage([PUBLIC_TAGS.site]);
  const t = translator(page.language, "site");
  return (
    <>
      <SiteHeader
        title={organization.name}
        homeHref={page.href("/")}
        logo={organization.logo && { src: mediaUrl(organization.logo.key), width: organization.logo.width, height: organization.logo.height }}
        navLabel={t("nav.label")}
        nav={[
          { href: page.href("/events"), label: t("nav.events") },
          { href: "/login", label: t("nav.signIn") },
        ]}
        search={<SearchForm id="site-search" name={t("search.landmark")} label={t("search.label")} buttonLabel={t("search.button")} action={page.href("/search")} />}
        languageSwitch={<LanguageSwitch language={page.language} defaultLanguage={page.defaultLanguage} languages={page.languages} label={t("languages.label")} />}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter organization={organization.name} tagline={t("footer.tagline")} />
      <script dangerouslySetInnerHTML={{ __html: pageActionsScript(t("pageActions.copied"), t("pageActions.copyThis")) }} />
    </>
  );
}
