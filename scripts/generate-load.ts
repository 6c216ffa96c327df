// Fills a PostgreSQL database with a large, realistic data set for the data benchmark (bench/data/):
// 2,000 events over topics, series and venues, 100,000 registrants and 1,000,000 registrations, one
// event holding 100,000 of them. Everything is written set-based (INSERT … SELECT over generate_series),
// so the whole load takes minutes, not hours.
//
//   DATABASE_URL=postgres://…/symposia_load npm run db:generate-load [-- --scale 0.1] [-- --force]
//
// It refuses production, PGlite, and a database holding anything it did not generate (unless --force).
// Generated events have slugs starting with "load-"; running it again replaces them.
import { closeDb, getClient } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import type { Sql } from "postgres";

type Options = { scale: number; force: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { scale: 1, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") options.force = true;
    else if (arg === "--scale") options.scale = Number(argv[++i]);
    else if (arg.startsWith("--scale=")) options.scale = Number(arg.slice("--scale=".length));
    else throw new Error(`Unknown option ${arg}. Options: --scale <0.001–1>, --force.`);
  }
  if (!(options.scale > 0 && options.scale <= 1)) throw new Error("--scale takes a number above 0 and at most 1.");
  return options;
}

const GIVEN = [
  "Amina", "Ana", "Anna", "Ahmed", "Aiko", "Alejandro", "Amara", "Andrés", "Björn", "Camille", "Carlos", "Chen", "Chloé",
  "Daniel", "David", "Elena", "Emma", "Fatima", "François", "Grace", "Hana", "Hiroshi", "Ibrahim", "Ingrid", "Isabel",
  "James", "Jana", "Javier", "José", "Juan", "Julia", "Kaito", "Karim", "Katarzyna", "Kwame", "Laila", "Lars", "Layla",
  "Li", "Lucas", "Luisa", "Maria", "María", "Mariam", "Mateo", "Mei", "Mohamed", "Nadia", "Naledi", "Nikolai", "Nina",
  "Noor", "Olga", "Omar", "Pablo", "Priya", "Rahul", "Rosa", "Sara", "Sofia", "Sven", "Thandiwe", "Wei", "Yuki", "Zoë",
];
const FAMILY = [
  "Abdi", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bahous", "Bauer", "Bianchi", "Borg", "Castro", "Chen", "Cohen",
  "Costa", "Da Silva", "Diallo", "Dubois", "Eriksson", "Fernández", "Fischer", "García", "Gonzalez", "Gupta", "Haddad",
  "Hansen", "Hernández", "Hoffmann", "Ibrahim", "Ivanova", "Jansen", "Jones", "Kamau", "Kim", "Kowalski", "Kumar",
  "Larsen", "Laurent", "Lee", "Lopez", "Martin", "Martínez", "Mensah", "Moreau", "Müller", "Nakamura", "Nguyen",
  "Novak", "Okafor", "Olsen", "Osei", "Papadopoulos", "Park", "Patel", "Pereira", "Petrov", "Popescu", "Quispe",
  "Rahman", "Ramírez", "Rossi", "Rodríguez", "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Sokolov",
  "Suzuki", "Svensson", "Tanaka", "Taylor", "Torres", "Traoré", "Van der Berg", "Vargas", "Wagner", "Wang", "Weber",
  "Williams", "Wójcik", "Yamamoto", "Yilmaz", "Zhang", "Zulu",
];
const ORGANIZATIONS = [
  "Permanent Mission of Norway", "Permanent Mission of Japan", "Permanent Mission of Brazil", "Embassy of Canada",
  "Embassy of Kenya", "UN Women", "UNDP", "UNICEF", "OHCHR", "World Bank", "OECD", "African Union", "European Union",
  "Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of Gender Equality", "Columbia University",
  "University of Geneva", "Sciences Po", "Graduate Institute", "London School of Economics", "Women's Peace Network",
  "Peace Research Institute", "Amnesty International", "Human Rights Watch", "International Crisis Group", "Red Cross",
  "Médecins Sans Frontières", "Reuters", "Le Monde", "The Guardian", "Accenture", "Microsoft", "Siemens", "Nestlé",
];
const DOMAINS = ["example.org", "example.com", "mission.example.int", "un.example.org", "mail.example.net", "univ.example.edu"];
const CATEGORIES = ["Government", "International organization", "Civil society", "Academia", "Private sector", "Media", "Other"];
const TOPICS = [
  "WPS + Innovation", "Climate and Security", "Digital Rights", "Peacebuilding", "Humanitarian Action", "Global Health",
  "Financing for Development", "Disarmament", "Migration", "Education in Emergencies", "Food Security", "Youth, Peace and Security",
];
const CITIES: [string, string, string][] = [
  ["New York", "United States", "America/New_York"], ["Geneva", "Switzerland", "Europe/Zurich"], ["Vienna", "Austria", "Europe/Vienna"],
  ["Nairobi", "Kenya", "Africa/Nairobi"], ["Tokyo", "Japan", "Asia/Tokyo"], ["Bangkok", "Thailand", "Asia/Bangkok"],
  ["Addis Ababa", "Ethiopia", "Africa/Addis_Ababa"], ["Brussels", "Belgium", "Europe/Brussels"], ["Santiago", "Chile", "America/Santiago"],
  ["Oslo", "Norway", "Europe/Oslo"], ["The Hague", "Netherlands", "Europe/Amsterdam"], ["Washington", "United States", "America/New_York"],
];

const EVENTS = 2_000;
const PEOPLE = 100_000;
const REGISTRATIONS = 1_000_000;
const BIG_EVENT = 100_000;
const SERIES = 80;
const VENUES = 36;

const OUR_TABLES = [
  "settings", "users", "accounts", "sessions", "verification_tokens", "people", "profile_revisions", "topics", "series", "venues",
  "events", "event_participants", "agenda_items", "agenda_item_participants", "registrations", "registration_manage_tokens",
  "summaries", "summary_revisions", "summary_references", "media", "outbox", "audit_log", "rate_limits", "load_people",
];

const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** Registrations per event: one event of BIG_EVENT, the rest share what is left, from a handful to a few thousand. */
export function eventSizes(events: number, total: number, big: number): number[] {
  const rest = total - big;
  // A long tail: weights 1/(i+20)^0.9, scaled to sum to `rest`.
  const weights = Array.from({ length: events - 1 }, (_, i) => 1 / Math.pow(i + 20, 0.9));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * rest)));
  let missing = rest - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % sizes.length, missing--) sizes[i]! += 1;
  // Shuffle deterministically, so that size does not follow date.
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return [big, ...sizes];
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (process.env.NODE_ENV === "production") throw new Error("The load generator does not run with NODE_ENV=production.");
  const client = getClient();
  if (client.driver !== "postgres") throw new Error("Set DATABASE_URL to a PostgreSQL database: the load is too big for the embedded database.");
  const sql = client.sql;
  const started = Date.now();
  const step = async (label: string, run: () => Promise<unknown>) => {
    const t = Date.now();
    process.stdout.write(`${label}… `);
    await run();
    console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
  };

  // A database with tables of another application, or with data of its own, is not ours to fill.
  const [{ foreign } = { foreign: 0 }] = await sql<{ foreign: number }[]>`
    select count(*)::int as foreign from information_schema.tables
    where table_schema = 'public' and table_name <> all(${OUR_TABLES})`;
  if (foreign > 0 && !options.force) {
    throw new Error(`This database holds ${foreign} table(s) that are not Symposia's. Use an empty database, or pass --force.`);
  }
  await step("Migrating", () => migrateDatabase());
  const [{ others } = { others: 0 }] = await sql<{ others: number }[]>`select count(*)::int as others from events where slug not like 'load-%'`;
  if (others > 0 && !options.force) {
    throw new Error(`This database holds ${others} event(s) the generator did not make. Use an empty database, or pass --force to add the load beside them.`);
  }

  const events = Math.max(2, Math.round(EVENTS * options.scale));
  const people = Math.max(10, Math.round(PEOPLE * options.scale));
  const total = Math.max(events, Math.round(REGISTRATIONS * options.scale));
  const big = Math.min(people, Math.round(BIG_EVENT * options.scale));
  const sizes = eventSizes(events, total, big);
  console.log(`Generating ${events} events, ${people} people, ${total} registrations (the largest event: ${big}).`);

  await step("Removing an earlier load", async () => {
    await sql`delete from registrations where event_id in (select id from events where slug like 'load-%')`;
    await sql`delete from events where slug like 'load-%'`;
    await sql`delete from series where slug like 'load-%'`;
    await sql`delete from topics where slug like 'load-%'`;
    await sql`delete from venues where name like 'Load %'`;
  });

  await step("Topics, series and venues", async () => {
    await sql.unsafe(`
      insert into topics (slug, name, description)
      select 'load-topic-' || i, t.name, 'Meetings on ' || t.name || ' held across the series.'
      from unnest(${sqlArray(TOPICS)}) with ordinality as t(name, i)`);
    await sql.unsafe(`
      insert into series (slug, name, description, topic_id)
      select 'load-series-' || s, tp.name || ' Dialogue ' || (s / ${TOPICS.length} + 1), 'A series of meetings.', tp.id
      from generate_series(0, ${SERIES - 1}) s
      join topics tp on tp.slug = 'load-topic-' || (s % ${TOPICS.length} + 1)`);
    await sql.unsafe(`
      insert into venues (name, address, city, country, time_zone)
      select 'Load Hall ' || v, v || ' Conference Street', c[1], c[2], c[3]
      from generate_series(1, ${VENUES}) v,
      lateral (select string_to_array((${sqlArray(CITIES.map((c) => c.join("|")))})[1 + v % ${CITIES.length}], '|')) parts(c)`);
  });

  await step(`${events} events`, async () => {
    // Event 1 is the big one, on now; the others spread from four years ago to a year ahead. About a
    // third have a capacity (and so a waitlist); one in 37 was cancelled.
    await sql.unsafe(`
      insert into events (slug, title, topic_id, series_id, series_number, venue_id, time_zone, starts_at, ends_at, capacity, status,
                          description, cancelled_at, registration_categories)
      select 'load-event-' || p.ord,
             sr.name || ', meeting ' || (p.ord / ${SERIES} + 1),
             sr.topic_id, sr.id, p.ord / ${SERIES} + 1, v.id, v.time_zone, st.starts_at, st.starts_at + interval '3 hours',
             case when p.ord > 1 and p.ord % 10 < 3 then greatest(1, (p.size * 0.9)::int) end,
             (case when p.ord > 1 and p.ord % 37 = 0 then 'cancelled' else 'scheduled' end)::event_status,
             'A meeting generated for the data benchmark.',
             case when p.ord > 1 and p.ord % 37 = 0 then st.starts_at - interval '2 days' end,
             '${JSON.stringify(CATEGORIES)}'::jsonb
      from unnest(array[${sizes.join(",")}]::int[]) with ordinality as p(size, ord)
      join series sr on sr.slug = 'load-series-' || (p.ord % ${SERIES})
      join venues v on v.name = 'Load Hall ' || (1 + p.ord % ${VENUES})
      cross join lateral (select case when p.ord = 1 then date_trunc('hour', now()) - interval '1 hour'
                                      else date_trunc('hour', now()) - interval '4 years' + (interval '5 years' * ((p.ord * 0.61803398875) % 1)) end) st(starts_at)`);
  });

  const made = await sql<{ id: string; slug: string }[]>`select id, slug from events where slug like 'load-event-%'`;
  const idOf = new Map(made.map((e) => [Number(e.slug.slice("load-event-".length)), e.id]));
  let running = 0;
  const plan = sizes.map((size, i) => {
    const entry = { ord: i + 1, size, base: running, eventId: idOf.get(i + 1)! };
    running += size;
    return entry;
  });
  if (made.length !== events || plan.some((p) => !p.eventId)) throw new Error(`Expected ${events} generated events, found ${made.length}.`);

  // Bulk loading into a table without its indexes and building them afterwards is several times faster
  // than maintaining them row by row. The definitions come from the catalog, so the schema's own return.
  const indexes = await sql<{ name: string; def: string }[]>`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and tablename = 'registrations' and indexname <> 'registrations_pkey'`;
  await step(`Dropping ${indexes.length} registration indexes for the load`, async () => {
    for (const { name } of indexes) await sql.unsafe(`drop index if exists "${name}"`);
  });
  try {
    await step(`${people} people`, async () => {
      // Registrations keep the name and address as given: the people are a pool they draw on.
      // A temporary table lives in one session: the pool reserves one connection for the load.
      await sql.unsafe(`drop table if exists load_people`);
      await sql.unsafe(`
        create unlogged table load_people (k int primary key, name text not null, email text not null, organization text)`);
      await sql.unsafe(`
        insert into load_people
        select k, g || ' ' || f,
               lower(regexp_replace(translate(g || '.' || f, 'áàâäãåéèêëíìîïóòôöõúùûüñçýÁÉÍÓÚÖÜ', 'aaaaaaeeeeiiiiooooouuuuncyAEIOUOU'), '[^A-Za-z.]', '', 'g'))
                 || k || '@' || (${sqlArray(DOMAINS)})[1 + k % ${DOMAINS.length}],
               case when k % 5 = 0 then null else (${sqlArray(ORGANIZATIONS)})[1 + (k / 7) % ${ORGANIZATIONS.length}] end
        from generate_series(0, ${people - 1}) k,
        lateral (select (${sqlArray(GIVEN)})[1 + k % ${GIVEN.length}], (${sqlArray(FAMILY)})[1 + (k / ${GIVEN.length} + k * 31) % ${FAMILY.length}]) n(g, f)`);
    });

    // Events go in batches of about 100,000 registrations, each batch one statement.
    let done = 0;
    let batch: typeof plan = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const t = Date.now();
      const rows = batch.reduce((n, p) => n + p.size, 0);
      await insertRegistrations(sql, batch, people);
      done += rows;
      console.log(`Registrations: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} (${((Date.now() - t) / 1000).toFixed(1)} s for ${rows.toLocaleString("en-US")})`);
      batch = [];
    };
    for (const p of plan) {
      batch.push(p);
      if (batch.reduce((n, b) => n + b.size, 0) >= 100_000) await flush();
    }
    await flush();
  } finally {
    await sql.unsafe(`drop table if exists load_people`);
    await step(`Building ${indexes.length} registration indexes`, async () => {
      await sql.begin(async (tx) => {
        await tx.unsafe(`set local maintenance_work_mem = '256MB'`);
        for (const { def } of indexes) await tx.unsafe(def.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "));
      });
    });
  }
  await step("VACUUM ANALYZE", () => sql.unsafe(`vacuum (analyze) registrations, events, series, topics, venues`));

  const [summary] = await sql<{ events: number; registrations: number; biggest: number; biggestId: string }[]>`
    select (select count(*)::int from events where slug like 'load-%') as events,
           (select count(*)::int from registrations r join events e on e.id = r.event_id where e.slug like 'load-%') as registrations,
           (select count(*)::int from registrations r join events e on e.id = r.event_id where e.slug = 'load-event-1') as biggest,
           (select id::text from events where slug = 'load-event-1') as "biggestId"`;
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary!.events} events, ${summary!.registrations.toLocaleString("en-US")} registrations; ` +
      `the largest event (load-event-1, ${summary!.biggest.toLocaleString("en-US")} registrations) is /admin/events/${summary!.biggestId}.`,
  );
  console.log("To look at it in the app, add an account: npm run user:create -- --email you@example.org --role staff --name You");
}

/**
 * One statement for a batch of events: slot s of event e is drawn from the pool by a stride prime to
 * its size (so nobody registers twice for one event), and its status, category, times and check-in are
 * spread by hashes of the registration's number n (so a rerun makes the same data).
 */
async function insertRegistrations(sql: Sql, batch: { ord: number; size: number; base: number; eventId: string }[], people: number) {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  // A bijection of n onto 31^8 codes (31 is prime, so any multiplier that is not a multiple of 31 works): unique everywhere.
  const codeSpace = 31 ** 8;
  const digit = (i: number) => `substr('${alphabet}', 1 + ((c.x / ${31 ** i}::bigint) % 31)::int, 1)`;
  const code = Array.from({ length: 8 }, (_, i) => digit(7 - i)).join(" || ");
  await sql.unsafe(
    `
    with plan as (
      select b.event_id::uuid as event_id, b.ord, b.size, b.base
      from unnest($1::uuid[], $2::int[], $3::int[], $4::bigint[]) as b(event_id, ord, size, base)
    ),
    slots as (
      select p.event_id, p.ord, p.size, s, p.base + s as n, e.starts_at, e.capacity, e.status as event_status,
             e.starts_at < now() - interval '3 hours' as held, p.ord = 1 as on_now
      from plan p join events e on e.id = p.event_id, generate_series(1, p.size) s
    ),
    mixed as (
      select sl.*,
             ((sl.n * 2654435761) % 1000)::int as h1,
             ((sl.n * 40503 + 17) % 1000)::int as h2,
             ((sl.n * 69069 + 3) % 100000)::int as h3
      from slots sl
    ),
    shaped as (
      select m.*,
             (case when m.h1 < 90 or m.event_status = 'cancelled' then 'cancelled'
                   when m.capacity is not null and m.s > m.capacity then 'waitlisted'
                   else 'confirmed' end) as status,
             -- Registered over the 60 days before the event, to the second (ties do happen).
             date_trunc('second', m.starts_at - interval '1 hour' - interval '60 days' * (m.h3 / 100000.0)) as created
      from mixed m
    )
    insert into registrations (event_id, name, email, email_normalized, organization, category, status, manage_token_hash,
                               check_in_code, waitlisted_at, confirmed_at, cancelled_at, checked_in_at, consent_at, created_at, updated_at)
    select sh.event_id, lp.name, lp.email, lp.email, lp.organization,
           case when sh.h2 % 10 = 9 then null else ($5::text[])[1 + sh.h2 % 7] end,
           sh.status::registration_status,
           encode(sha256(('load-' || sh.n)::bytea), 'hex'),
           ${code},
           case when sh.status = 'waitlisted' then sh.created end,
           case when sh.status = 'confirmed' then sh.created when sh.status = 'cancelled' and sh.h2 < 500 then sh.created end,
           case when sh.status = 'cancelled' then least(sh.created + interval '3 days' * (sh.h2 / 1000.0), sh.starts_at - interval '1 minute') end,
           case when sh.status = 'confirmed' and ((sh.held and sh.h2 < 750) or (sh.on_now and sh.h2 < 350))
                then sh.starts_at - interval '45 minutes' + interval '90 minutes' * (sh.h1 / 1000.0) end,
           sh.created, sh.created, sh.created
    from shaped sh
    join load_people lp on lp.k = ((sh.s::bigint * 7919 + sh.ord::bigint * 104729) % ${people})::int
    cross join lateral (select ((sh.n * 387420489 + 104729) % ${codeSpace}::bigint) as x) c`,
    [batch.map((b) => b.eventId), batch.map((b) => b.ord), batch.map((b) => b.size), batch.map((b) => b.base), CATEGORIES] as never,
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
