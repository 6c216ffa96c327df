import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  actionFormBody,
  actionResult,
  checkRush,
  clientAddress,
  findActionId,
  formFields,
  gzipBytes,
  ratio,
  registrant,
  registrationFormFields,
  registrationPost,
  scriptSources,
  table,
  treeRss,
} from "../bench/http/lib.mjs";
import { startNodeOptions } from "../bench/http/processes.mjs";

describe("findActionId", () => {
  const manifest = {
    node: {
      aaa: { workers: {}, filename: "app/(public)/events/[slug]/actions.ts", exportedName: "register" },
      bbb: { workers: {}, filename: "app/(staff)/admin/events/actions.ts", exportedName: "register" },
      ccc: { workers: {}, filename: "app/(public)/events/[slug]/actions.ts", exportedName: "cancel" },
    },
    edge: {},
  };

  it("finds the export of the module, wherever the build put it", () => {
    expect(findActionId(manifest, "app/(public)/events/[slug]/actions.ts", "register")).toBe("aaa");
    expect(findActionId(manifest, "./app/(public)/events/[slug]/actions.ts", "cancel")).toBe("ccc");
  });

  it("says so when the build has no such action", () => {
    expect(() => findActionId(manifest, "app/(public)/events/[slug]/actions.ts", "unregister")).toThrow(/no Server Action "unregister"/);
    expect(() => findActionId({}, "app/x.ts", "register")).toThrow(/no Server Action/);
  });
});

describe("actionFormBody", () => {
  it("encodes the previous state and the form as React does, readable as multipart", async () => {
    const { body, contentType } = actionFormBody(
      { status: "idle" },
      [
        ["$ACTION_KEY", "k123"],
        ["name", "Ada Lovelace"],
        ["email", "ada@example.org"],
        ["consent", "on"],
      ],
      "----SymposiaBench1",
    );
    expect(contentType).toBe("multipart/form-data; boundary=----SymposiaBench1");
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    expect([...form.keys()]).toEqual(["_1_$ACTION_KEY", "_1_name", "_1_email", "_1_consent", "0"]);
    expect(form.get("_1_name")).toBe("Ada Lovelace");
    expect(JSON.parse(String(form.get("0")))).toEqual([{ status: "idle" }, "$K1"]);
  });

  it("keeps a field name from breaking out of its header and refuses a bad boundary", async () => {
    const { body, contentType } = actionFormBody(null, [['a"b\r\nc', "x"]], "b1");
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    expect([...form.keys()]).toHaveLength(2);
    expect(() => actionFormBody(null, [], "bad boundary!")).toThrow(/boundary/);
  });
});

describe("actionResult", () => {
  it("reads the value row 0 points to", () => {
    const text = ['2:"$Sreact.fragment"', '0:{"a":"$@1","q":"","i":false,"b":"build"}', '1:{"status":"done","sentTo":"a@b.example"}', ""].join("\n");
    expect(actionResult(text)).toEqual({ status: "done", sentTo: "a@b.example" });
  });

  it("reads a value held in row 0 itself, and nothing from an answer without one", () => {
    expect(actionResult('0:{"a":{"status":"failed"},"b":"x"}\n')).toEqual({ status: "failed" });
    expect(actionResult("<!DOCTYPE html><html></html>")).toBeUndefined();
    expect(actionResult('0:{"b":"x"}\n')).toBeUndefined();
  });
});

describe("formFields", () => {
  const html = `<form action="/search" aria-label="Search"><input name="q" value="x"/></form>
    <form noValidate="" aria-label="Register for this event" method="POST">
      <input type="hidden" name="$ACTION_REF_1"/>
      <input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;abc&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
      <input type="hidden" name="slug" value="an-event"/>
      <input id="n" autoComplete="name" name="name"/>
      <select name="category"><option value="">Choose one…</option></select>
      <input id="c" type="checkbox" name="consent"/>
      <button type="submit">Register</button>
    </form>`;

  it("lists the labelled form's named fields in order, values decoded", () => {
    expect(formFields(html, "Register for this event")).toEqual([
      { name: "$ACTION_REF_1", type: "hidden", value: "" },
      { name: "$ACTION_1:0", type: "hidden", value: '{"id":"abc","bound":"$@1"}' },
      { name: "slug", type: "hidden", value: "an-event" },
      { name: "name", type: "text", value: "" },
      { name: "category", type: "select", value: "" },
      { name: "consent", type: "checkbox", value: "" },
    ]);
  });

  it("says so when the page has no such form", () => {
    expect(() => formFields(html, "Sign in")).toThrow(/no form labelled "Sign in"/);
  });
});

describe("the registration request", () => {
  const html = `<form noValidate="" aria-label="Register for this event" method="POST">
      <input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;abc&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
      <input type="hidden" name="slug" value="an-event"/>
      <input name="name"/><input name="email"/><input name="website" value=""/>
      <input type="checkbox" name="consent"/><input type="checkbox" name="newsletter"/>
    </form>`;

  it("takes the form's fields only when the form calls the build's action", () => {
    expect(registrationFormFields(html, "abc").map((f) => f.name)).toEqual(["$ACTION_1:0", "slug", "name", "email", "website", "consent", "newsletter"]);
    expect(() => registrationFormFields(html, "other")).toThrow(/another action/);
  });

  it("posts what the person typed over the form's own fields, as the form's script does", async () => {
    const typed = registrant(7, { prefix: "p-", domain: "load.example", idempotencyKey: "key-7" });
    expect(typed).toMatchObject({ name: "Bench Person 7", email: "p-7@load.example", consent: "on", idempotencyKey: "key-7" });
    const post = registrationPost({ origin: "http://127.0.0.1:3000", slug: "an-event", actionId: "abc", fields: registrationFormFields(html, "abc"), typed, boundary: "b7" });
    expect(post.path).toBe("/events/an-event");
    expect(post.headers).toMatchObject({ "next-action": "abc", origin: "http://127.0.0.1:3000", referer: "http://127.0.0.1:3000/events/an-event", accept: "text/x-component" });
    expect(JSON.parse(decodeURIComponent(post.headers["next-router-state-tree"]!))[1].children[1].children[1].children[0]).toEqual(["slug", "an-event", "d", null]);
    const form = await new Response(post.body, { headers: { "content-type": post.headers["content-type"]! } }).formData();
    // The form's own values stay, typed ones fill the rest; an unticked box is not sent.
    expect(Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))).toEqual({
      "_1_$ACTION_1:0": '{"id":"abc","bound":"$@1"}',
      _1_slug: "an-event",
      _1_name: "Bench Person 7",
      _1_email: "p-7@load.example",
      _1_website: "",
      _1_consent: "on",
      "0": '[{"status":"idle"},"$K1"]',
    });
  });
});

describe("checkRush", () => {
  const domain = "load.example";
  const row = (i: number, status: string) => ({ email: `p-${i}@${domain}`, status });
  const mail = (i: number, count = 1) => ({ to: `p-${i}@${domain}`, kind: "registration_confirmed", status: "sent", count });

  it("passes a rush whose seats went to the first comers, each with a row and one email", () => {
    const found = { capacity: 2, registrations: [row(0, "confirmed"), row(1, "confirmed"), row(2, "waitlisted")], emails: [mail(0), mail(1), mail(2)] };
    const check = checkRush({ done: found.registrations.map((r) => r.email), total: 3 }, found, { domain, everyAnswer: true });
    expect(check).toMatchObject({ ok: true, confirmed: 2, waitlisted: 1, problems: [] });
  });

  it("names a lost answer, a seat left empty, a missing row and a second email", () => {
    const found = { capacity: 2, registrations: [row(0, "confirmed"), row(1, "waitlisted")], emails: [mail(0, 2), mail(1)] };
    const check = checkRush({ done: [row(0, "").email, row(5, "").email], total: 3 }, found, { domain, everyAnswer: true });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      '1 of 3 registrations were not answered "done"',
      "1 confirmed for 2 seats",
      '1 "done" answers without a registration row',
      "1 registrations without exactly one confirmation or waitlist email",
    ]);
  });

  it("after a server died, forgives unanswered requests but never a done answer without its row", () => {
    const found = { capacity: 1, registrations: [row(0, "confirmed"), row(1, "waitlisted")], emails: [mail(0), mail(1)] };
    // Person 1 registered, but the answer was lost with the server: allowed.
    expect(checkRush({ done: [row(0, "").email], total: 3 }, found, { domain, everyAnswer: false }).problems).toEqual([]);
    expect(checkRush({ done: [row(0, "").email, row(2, "").email], total: 3 }, found, { domain, everyAnswer: false }).problems).toEqual([
      '1 "done" answers without a registration row',
    ]);
  });
});

describe("scriptSources", () => {
  it("lists each script file once, in order, and skips inline scripts", () => {
    const html = `<script src="/_next/a.js" async=""></script><script>self.__next_f=[]</script>
      <script async src='/_next/b.js?x=1&amp;y=2'></script><script src="/_next/a.js"></script>`;
    expect(scriptSources(html)).toEqual(["/_next/a.js", "/_next/b.js?x=1&y=2"]);
  });
});

describe("small helpers", () => {
  it("counts gzipped bytes of what it was given", () => {
    const text = "a".repeat(10_000);
    const size = gzipBytes(text);
    expect(size).toBeLessThan(200);
    expect(size).toBeGreaterThan(0);
    expect(size).toBe(gzipSync(text).length);
  });

  it("gives every client its own address, never .0 or .255", () => {
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => clientAddress(i)));
    expect(seen.size).toBe(2000);
    expect(clientAddress(0)).toBe("10.1.0.1");
    expect(clientAddress(253)).toBe("10.1.0.254");
    expect(clientAddress(254)).toBe("10.1.1.1");
    expect([...seen].every((a) => !/\.(0|255)$/.test(a))).toBe(true);
    expect(() => clientAddress(-1)).toThrow(RangeError);
  });

  it("divides only what can be divided", () => {
    expect(ratio(50, 100)).toBe(0.5);
    expect(ratio(50, 0)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
  });

  it("lays out a table with padded columns", () => {
    expect(table(["page", "req/s"], [["home", 1200], ["feed.xml", 90]]).split("\n")).toEqual([
      "page      req/s",
      "--------  -----",
      "home       1200",
      "feed.xml     90",
    ]);
  });

  it("adds up the resident memory of a process and its descendants only", () => {
    const status = (kb: number) => `Name:\tnode\nVmRSS:\t  ${kb} kB\nThreads:\t11\n`;
    const processes = new Map([
      [10, { ppid: 1, status: status(1000) }],
      [11, { ppid: 10, status: status(200) }],
      [12, { ppid: 11, status: status(30) }],
      [20, { ppid: 1, status: status(5000) }],
      [13, { ppid: 10, status: "Name:\tzombie\n" }],
    ]);
    expect(treeRss(10, processes)).toBe(1230 * 1024);
    expect(treeRss(11, processes)).toBe(230 * 1024);
    expect(treeRss(99, processes)).toBe(0);
  });
});

describe("the server the bench starts", () => {
  it("gets npm start's Node options, its heap limit among them", () => {
    expect(startNodeOptions(process.cwd())).toEqual(["--max-old-space-size=320"]);
  });
});
