#!/usr/bin/env python3
"""Writes a LinkedIn Connections.csv of N rows to stdout, as LinkedIn exports
it: three note lines, a blank line, then the header and the rows. Names,
companies and positions are drawn from pools about as varied as a real
network; about a third of the rows have an email address, as LinkedIn
shows one only when the connection allows it."""
import random
import sys
import unicodedata

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 20261203)

FIRST = ["Ada", "Grace", "José", "Ming", "Amara", "Lars", "Priya", "Chen", "Fatima", "Olga", "Kwame", "Sofia",
         "Mateo", "Yuki", "Noah", "Leila", "Ivan", "Aisha", "Tomás", "Mei", "Omar", "Zoë", "Björn", "Nia"]
LAST = ["Lovelace", "Hopper", "Núñez", "Okafor", "Svensson", "Sharma", "Wang", "Haddad", "Ivanova", "Mensah",
        "García", "Tanaka", "Smith", "Müller", "Kowalski", "O'Brien", "Dubois", "Rossi", "Nakamura", "Adeyemi"]
COMPANY_WORDS = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Contoso", "Fabrikam",
                 "Tailspin", "Blue", "River", "Summit", "Pioneer", "Harbor", "Cedar", "Atlas", "Nova", "Orbit",
                 "Granite", "Maple", "Falcon", "Silver", "Quantum", "Beacon"]
COMPANY_KINDS = ["Analytics", "Health", "Labs", "Systems", "Logistics", "Bank", "Foods", "Energy", "Media",
                 "Robotics", "Pharma", "Studios", "Capital", "Networks", "Consulting", "Engines"]
COMPANY_SUFFIXES = ["", ", Ltd.", " Inc", " GmbH", " & Co", " \"Group\""]
POSITIONS = ["Data Engineer", "Senior Data Engineer", "Product Manager", "UX Researcher", "Founder & CEO",
             "Software Engineer", "Pharmacist", "Data Scientist", "Recruiter", "Engineering Manager", "Nurse"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def cell(value):
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


out = sys.stdout
out.write("Notes:\r\n")
out.write('"When exporting your connection data, you may notice that some of the email addresses are missing. '
          'You will only see email addresses for connections who have allowed their connections to see or download '
          'their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn '
          'more about this here: https://www.linkedin.com/help/linkedin/answer/261"\r\n')
out.write("\r\n")
out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
for index in range(rows):
    # A middle initial and many companies keep names and companies about as
    # rarely shared as in a real network: rows that match only by name and
    # company would be taken for the same person.
    first = f"{random.choice(FIRST)} {chr(65 + random.randrange(26))}."
    last = random.choice(LAST)
    company = f"{random.choice(COMPANY_WORDS)} {random.choice(COMPANY_KINDS)}{random.choice(COMPANY_SUFFIXES)}"
    slug = f"{first.split()[0]}-{last}-{index:05d}".lower().replace("'", "")
    slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    email = f"{slug}@example.com" if random.random() < 0.33 else ""
    connected = f"{random.randint(1, 28):02d} {random.choice(MONTHS)} {random.randint(2012, 2026)}"
    out.write(",".join(cell(v) for v in [first, last, f"https://www.linkedin.com/in/{slug}", email,
                                           company, random.choice(POSITIONS), connected]) + "\r\n")
