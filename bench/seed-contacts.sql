-- Seeds the contacts benchmark: the benchmark user (:'bench_user') gets
-- 10,000 contacts and nine other users 10,000 each, so the table holds
-- 100,000. Names, companies, titles and notes are drawn from pools about
-- as varied as a real network: a first name is shared by ~1.5% of one's
-- contacts, a company by ~0.5%, a field by 5%.
\set ON_ERROR_STOP on

CREATE TEMP TABLE pools AS SELECT
  ARRAY['Ana','José','Grace','Ada','Mohammed','Wei','Priya','Olga','Kwame','Lucía','Noah','Emma','Yuki','Sven','Fatima','Liam','Zoë','Mateo','Aiko','Omar',
        'Chloé','Bjørn','Amara','Diego','Ines','Hiro','Nadia','Tomás','Leila','Ravi','Sofia','Jonas','Mei','Kofi','Elena','Arjun','Hana','Pablo','Sara','Yusuf',
        'Ingrid','Malik','Rosa','Kenji','Aylin','Marco','Zara','Felix','Nia','Oskar','Lina','Tariq','Eva','Samir','Ivy','Raúl','Maja','Obi','Clara','Dmitri'] AS first_names,
  ARRAY['García','Núñez','Hopper','Lovelace','Khan','Chen','Patel','Ivanova','Mensah','Fernández','Smith','Müller','Tanaka','Larsen','Haddad','Brown','Dubois','Rossi','Sato','Ali',
        'Okafor','Nguyen','Kowalski','Silva','Jensen','Moreau','Schmidt','Costa','Yilmaz','Novak','Reyes','Hansen','Kim','Lopez','Andersson','Bianchi','Suzuki','Farah','Walsh','Petrov',
        'Martin','Sousa','Weber','Horvat','Ortiz','Lindqvist','Abebe','Park','Romero','Fischer','Gallo','Nakamura','Adeyemi','Murphy','Svoboda','Vargas','Berg','Ito','Mendes','Ahmed'] AS last_names,
  ARRAY['Northwind','Contoso','Fabrikam','Tailspin','Woodgrove','Litware','Adatum','Proseware','Wingtip','Lucerne',
        'Alpine','Blue Yonder','Coho','Datum','Fourth Coffee','Graphic','Humongous','Margie','Nod','Relecloud'] AS company_names,
  ARRAY['Labs','Health','Bank','Systems','Logistics','Energy','Media','Foods','Analytics','Works'] AS company_kinds,
  ARRAY['Data Engineer','Product Manager','UX Researcher','Nurse Practitioner','Civil Engineer','Teacher','Financial Analyst','Graphic Designer','Recruiter','Architect',
        'Software Developer','Sales Director','Marketing Lead','Pharmacist','Attorney','Economist','Biologist','Chef','Journalist','Consultant',
        'Operations Manager','Data Scientist','Policy Advisor','Physiotherapist','Game Designer','Editor','Statistician','Urban Planner','HR Partner','Founder'] AS titles,
  ARRAY['healthcare','fintech','education','logistics','energy','retail','media','government','biotech','gaming',
        'law','hospitality','construction','agriculture','aerospace','nonprofit','consulting','insurance','telecom','fashion'] AS fields;

-- Reproducible pseudo-random draws, independent from column to column.
SELECT setseed(0.2026);

INSERT INTO users (id, email, password_hash, display_name)
SELECT gen_random_uuid(), 'seed' || n || '@example.com', 'not-a-hash', 'Seed ' || n
FROM generate_series(1, 9) AS n;

INSERT INTO contacts (id, user_id, full_name, company, job_title, field, tags, notes, source)
SELECT gen_random_uuid(),
       owner.id,
       p.first_names[1 + floor(random() * 60)::int] || ' ' || p.last_names[1 + floor(random() * 60)::int],
       p.company_names[1 + floor(random() * 20)::int] || ' ' || p.company_kinds[1 + floor(random() * 10)::int],
       p.titles[1 + floor(random() * 30)::int],
       draw.field,
       ARRAY[draw.field, 'cohort-' || floor(random() * 40)::int],
       'Met at ' || (ARRAY['a meetup','a conference','the alumni dinner','a webinar','a hackathon'])[1 + floor(random() * 5)::int]
         || ' in ' || (2020 + floor(random() * 7)::int) || '; talked about ' || p.fields[1 + floor(random() * 20)::int],
       (ARRAY['referral','alumni','event','cold','online','personal','other'])[1 + floor(random() * 7)::int]
FROM pools AS p,
     (SELECT id FROM users WHERE email LIKE 'seed%@example.com' OR id = :'bench_user') AS owner,
     generate_series(1, 10000) AS n,
     LATERAL (SELECT p.fields[1 + floor(random() * 20 + n * 0)::int] AS field) AS draw;

VACUUM ANALYZE contacts;
ANALYZE users;
