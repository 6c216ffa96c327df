import type { ReactNode } from "react";
import { SearchForm } from "@/components/search-form";
import { SiteFooter, SiteHeader } from "@/components/site-header";
import { getOrganization } from "@/db/queries/settings";
import { PUBLIC_TAGS, prerenderingAtBuild, tagPage } from "@/lib/public-cache";
import { mediaUrl } from "@/lib/validations/upload";

/**
 * Makes the public pages' few script-driven buttons work (print, copy a link) without shipping a
 * script file: one delegated listener, added once per page load. The buttons stay hidden (class
 * `js-only`) until it has run, so without it none of them is there to do nothing.
 */
const PAGE_ACTIONS_SCRIPT = `(function(){
if(window.__pageActions)return;window.__pageActions=true;
var s=document.createElement("style");s.textContent=".js-only{display:inline-flex!important}";document.head.appendChild(s);
document.addEventListener("click",function(e){
var b=e.target instanceof Element?e.target.closest("[data-page-action]"):null;if(!b)return;
var status=b.parentElement&&b.parentElement.querySelector("[data-page-action-status]");
var say=function(t){if(status)status.textContent=t;};
if(b.dataset.pageAction==="print"){window.print();return;}
if(b.dataset.pageAction==="copy-link"){var url=b.dataset.url||location.href;
if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(url).then(function(){say("Link copied.");},function(){say("Copy this link: "+url);});}
else say("Copy this link: "+url);}
});})();`;

export default async function PublicLayout({ children }: { children: ReactNode }) {
  // `next build` has no database: a page prerendered then (the home page) shows a neutral name, and its
  // copy expires as soon as the build ends (next.config.js), so the first request renders it for real.
  // Pages that call connection() themselves stay rendered per request.
  const organization = prerenderingAtBuild() ? { name: "", logo: null } : await getOrganization();
  await tagPage([PUBLIC_TAGS.site]);
  return (
    <>
      <SiteHeader
        title={organization.name}
        logo={organization.logo && { src: mediaUrl(organization.logo.key), width: organization.logo.width, height: organization.logo.height }}
        nav={[
          { href: "/events", label: "Events" },
          { href: "/login", label: "Sign in" },
        ]}
        search={<SearchForm id="site-search" name="Site" label="Search events, summaries, people and topics" />}
      />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter organization={organization.name} />
      <script dangerouslySetInnerHTML={{ __html: PAGE_ACTIONS_SCRIPT }} />
    </>
  );
}
