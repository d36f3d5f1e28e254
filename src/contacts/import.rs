//! CSV import (LinkedIn's `Connections.csv` or a CSV naming our fields) and
//! export (CSV that spreadsheets cannot execute, and vCard 4.0).

use std::str::FromStr;

use uuid::Uuid;

use super::dto::{CreateContactRequest, ImportError, Source};
use super::models::Contact;
use crate::error::{ApiError, FieldError};
use crate::extract;

/// The largest CSV file accepted (DESIGN §3).
pub const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

/// The header lines are looked for among the first lines of the file;
/// LinkedIn puts a few "Notes:" lines before its header.
const HEADER_SEARCH_LINES: usize = 20;

/// The columns of a plain CSV, named like the API's fields. `employer_id`,
/// `referred_by_contact_id`, `segment`, `archived_at`, `version` and the
/// timestamps (what an export adds) are ignored.
const PLAIN_COLUMNS: [&str; 12] = [
    "full_name",
    "email",
    "phone",
    "linkedin_url",
    "company",
    "job_title",
    "field",
    "location",
    "source",
    "has_hiring_power",
    "tags",
    "notes",
];
const IGNORED_COLUMNS: [&str; 8] = [
    "id",
    "employer_id",
    "referred_by_contact_id",
    "segment",
    "archived_at",
    "version",
    "created_at",
    "updated_at",
];

/// Where each field comes from in the file.
#[derive(Debug)]
enum Layout {
    /// LinkedIn's export: First Name, Last Name, URL, Email Address,
    /// Company, Position, Connected On.
    LinkedIn {
        first_name: usize,
        last_name: usize,
        url: Option<usize>,
        email: Option<usize>,
        company: Option<usize>,
        position: Option<usize>,
    },
    /// A header naming the API's fields; the index of each, when present.
    Plain([Option<usize>; PLAIN_COLUMNS.len()]),
}

/// A row of the file, checked like a create request.
#[derive(Debug)]
pub struct ImportedRow {
    pub line: u64,
    pub contact: CreateContactRequest,
}

/// What parsing found: the rows to store and the rows refused.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub rows: Vec<ImportedRow>,
    pub errors: Vec<ImportError>,
}

fn unreadable(message: &str) -> ApiError {
    ApiError::Validation(vec![FieldError::new("body", message)])
}

fn header_cells(line: &str) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let record = reader.records().next()?.ok()?;
    Some(
        record
            .iter()
            .map(|cell| cell.trim().to_lowercase())
            .collect(),
    )
}

fn layout_of(cells: &[String]) -> Option<(Layout, Vec<String>)> {
    let position = |name: &str| cells.iter().position(|cell| cell == name);
    if let (Some(first_name), Some(last_name)) = (position("first name"), position("last name")) {
        let layout = Layout::LinkedIn {
            first_name,
            last_name,
            url: position("url"),
            email: position("email address"),
            company: position("company"),
            position: position("position"),
        };
        return Some((layout, Vec::new()));
    }
    position("full_name")?;
    let mut columns = [None; PLAIN_COLUMNS.len()];
    for (slot, name) in columns.iter_mut().zip(PLAIN_COLUMNS) {
        *slot = position(name);
    }
    let unknown = cells
        .iter()
        .filter(|cell| {
            !cell.is_empty()
                && !PLAIN_COLUMNS.contains(&cell.as_str())
                && !IGNORED_COLUMNS.contains(&cell.as_str())
        })
        .cloned()
        .collect();
    Some((Layout::Plain(columns), unknown))
}

/// Undoes the export's protection of cells that start like a formula.
fn cell(record: &csv::StringRecord, index: Option<usize>) -> Option<String> {
    let value = record.get(index?)?.trim();
    let value = match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    };
    (!value.is_empty()).then(|| value.to_owned())
}

fn parse_flag(value: Option<String>) -> Result<Option<bool>, String> {
    match value.as_deref().map(str::to_lowercase).as_deref() {
        None | Some("unknown") => Ok(None),
        Some("true" | "yes" | "1") => Ok(Some(true)),
        Some("false" | "no" | "0") => Ok(Some(false)),
        Some(other) => Err(format!(
            "has_hiring_power: `{other}` is not true, false or unknown"
        )),
    }
}

fn row_to_request(
    layout: &Layout,
    record: &csv::StringRecord,
) -> Result<CreateContactRequest, String> {
    let empty = CreateContactRequest {
        full_name: String::new(),
        email: None,
        phone: None,
        linkedin_url: None,
        company: None,
        job_title: None,
        field: None,
        location: None,
        employer_id: None,
        source: None,
        referred_by_contact_id: None,
        has_hiring_power: None,
        tags: None,
        notes: None,
    };
    let request = match layout {
        Layout::LinkedIn {
            first_name,
            last_name,
            url,
            email,
            company,
            position,
        } => {
            let name = [
                cell(record, Some(*first_name)),
                cell(record, Some(*last_name)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            CreateContactRequest {
                full_name: name,
                email: cell(record, *email),
                linkedin_url: cell(record, *url),
                company: cell(record, *company),
                job_title: cell(record, *position),
                source: Some(Source::Online),
                ..empty
            }
        }
        Layout::Plain(columns) => {
            let get = |name: &str| {
                let index = PLAIN_COLUMNS.iter().position(|column| *column == name);
                cell(record, index.and_then(|index| columns[index]))
            };
            let source = match get("source") {
                Some(source) => Some(
                    Source::parse(&source.to_lowercase())
                        .ok_or_else(|| format!("source: `{source}` is not a known source"))?,
                ),
                None => None,
            };
            let tags = get("tags").map(|tags| {
                tags.split(';')
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .map(str::to_owned)
                    .collect()
            });
            CreateContactRequest {
                full_name: get("full_name").unwrap_or_default(),
                email: get("email"),
                phone: get("phone"),
                linkedin_url: get("linkedin_url"),
                company: get("company"),
                job_title: get("job_title"),
                field: get("field"),
                location: get("location"),
                source,
                has_hiring_power: parse_flag(get("has_hiring_power"))?,
                tags,
                notes: get("notes"),
                ..empty
            }
        }
    };
    if request.full_name.is_empty() {
        return Err("the row has no name".to_owned());
    }
    if let Err(ApiError::Validation(errors)) = extract::validate(&request) {
        let described: Vec<String> = errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect();
        return Err(described.join("; "));
    }
    Ok(request)
}

/// Reads a CSV file. A file that cannot be read at all is a 422; a row that
/// cannot be stored is listed in `errors` and the others go on.
pub fn parse(body: &[u8]) -> Result<ParsedFile, ApiError> {
    let text = std::str::from_utf8(body).map_err(|_| unreadable("the file is not UTF-8 text"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(unreadable(
            "the file holds NUL characters; it is not a CSV file",
        ));
    }

    let mut offset = 0;
    let mut found = None;
    for (index, line) in text
        .split_inclusive('\n')
        .take(HEADER_SEARCH_LINES)
        .enumerate()
    {
        if let Some(layout) = header_cells(line).as_deref().and_then(layout_of) {
            found = Some((index, offset + line.len(), layout));
            break;
        }
        offset += line.len();
    }
    let Some((header_index, data_start, (layout, unknown_columns))) = found else {
        return Err(unreadable(
            "no header found: expected LinkedIn's Connections.csv or a header naming contact \
             fields (full_name, email, company, ...)",
        ));
    };
    let header_line = header_index as u64 + 1;

    let mut parsed = ParsedFile::default();
    if !unknown_columns.is_empty() {
        parsed.errors.push(ImportError {
            line: header_line,
            message: format!(
                "ignored columns that are not contact fields: {}",
                unknown_columns.join(", ")
            ),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[data_start..]);
    for record in reader.records() {
        let (line, result) = match record {
            Ok(record) => {
                let line = header_line + record.position().map_or(0, |position| position.line());
                if record.iter().all(|value| value.trim().is_empty()) {
                    continue;
                }
                (line, row_to_request(&layout, &record))
            }
            Err(error) => {
                let line = header_line + error.position().map_or(0, |position| position.line());
                (
                    line,
                    Err(format!(
                        "the row is not valid CSV: {}",
                        describe_csv_error(&error)
                    )),
                )
            }
        };
        match result {
            Ok(contact) => parsed.rows.push(ImportedRow { line, contact }),
            Err(message) => parsed.errors.push(ImportError { line, message }),
        }
    }
    Ok(parsed)
}

fn describe_csv_error(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".to_owned(),
        _ => "it cannot be read".to_owned(),
    }
}

/// The key an import de-duplicates on first: the LinkedIn URL without
/// scheme, `www.`, query or trailing slash, in lower case.
pub fn linkedin_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(&url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}

/// A cell a spreadsheet would run as a formula gets a leading `'`.
fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Every contact as CSV, with a header naming the API's fields.
pub fn to_csv(contacts: &[Contact]) -> Result<Vec<u8>, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "full_name",
        "email",
        "phone",
        "linkedin_url",
        "company",
        "job_title",
        "field",
        "location",
        "employer_id",
        "source",
        "referred_by_contact_id",
        "has_hiring_power",
        "tags",
        "notes",
        "archived_at",
        "created_at",
        "updated_at",
    ];
    writer.write_record(header).map_err(ApiError::internal)?;
    let text = |value: &Option<String>| spreadsheet_safe(value.as_deref().unwrap_or(""));
    let id = |value: Option<Uuid>| value.map(|id| id.to_string()).unwrap_or_default();
    for contact in contacts {
        let record = [
            contact.id.to_string(),
            spreadsheet_safe(&contact.full_name),
            text(&contact.email),
            text(&contact.phone),
            text(&contact.linkedin_url),
            text(&contact.company),
            text(&contact.job_title),
            text(&contact.field),
            text(&contact.location),
            id(contact.employer_id),
            contact.source.clone(),
            id(contact.referred_by_contact_id),
            contact
                .has_hiring_power
                .map(|power| power.to_string())
                .unwrap_or_else(|| "unknown".to_owned()),
            spreadsheet_safe(&contact.tags.join(";")),
            text(&contact.notes),
            contact
                .archived_at
                .map(|at| at.to_rfc3339())
                .unwrap_or_default(),
            contact.created_at.to_rfc3339(),
            contact.updated_at.to_rfc3339(),
        ];
        writer.write_record(&record).map_err(ApiError::internal)?;
    }
    writer.into_inner().map_err(ApiError::internal)
}

/// Every contact as a vCard 4.0 (RFC 6350) card. Control characters are
/// dropped from every value (line breaks stay in the note, escaped by the
/// writer), so no stored text can start a property of its own.
pub fn to_vcard(contacts: &[Contact]) -> String {
    use crate::text::{one_line, paragraphs};
    let mut cards = String::new();
    for contact in contacts {
        let mut card = vcard4::VcardBuilder::new(one_line(&contact.full_name));
        if let Ok(uid) = vcard4::Uri::from_str(&format!("urn:uuid:{}", contact.id)) {
            card = card.uid(uid);
        }
        if let Some(email) = &contact.email {
            card = card.email(one_line(email));
        }
        if let Some(phone) = &contact.phone {
            card = card.telephone(one_line(phone));
        }
        if let Some(company) = &contact.company {
            card = card.org(vec![one_line(company)]);
        }
        if let Some(title) = &contact.job_title {
            card = card.title(one_line(title));
        }
        if let Some(url) = contact
            .linkedin_url
            .as_deref()
            .and_then(|url| vcard4::Uri::from_str(&one_line(url)).ok())
        {
            card = card.url(url);
        }
        if !contact.tags.is_empty() {
            card = card.categories(contact.tags.iter().map(|tag| one_line(tag)).collect());
        }
        if let Some(notes) = &contact.notes {
            card = card.note(paragraphs(notes));
        }
        cards.push_str(&card.finish().to_string());
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINKEDIN: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nJosé,Núñez,https://www.linkedin.com/in/jose-nunez,,Acme Corp,Data Engineer,01 Sep 2026\nAda,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,\"Analytical Engines, Ltd\",Founder,12 Dec 2025\n";

    #[test]
    fn a_linkedin_export_is_read_past_its_notes() {
        let parsed = parse(LINKEDIN.as_bytes()).expect("readable");
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(parsed.rows.len(), 2);
        let jose = &parsed.rows[0];
        assert_eq!(jose.line, 5);
        assert_eq!(jose.contact.full_name, "José Núñez");
        assert_eq!(jose.contact.email, None);
        assert_eq!(jose.contact.job_title.as_deref(), Some("Data Engineer"));
        assert_eq!(
            parsed.rows[1].contact.company.as_deref(),
            Some("Analytical Engines, Ltd")
        );
    }

    #[test]
    fn bad_rows_are_listed_with_their_line_and_the_rest_is_kept() {
        let file = "full_name,email,tags,colour\nGood Row,good@example.com,a;b,red\n,nobody@example.com,,\nBad Email,not-an-email,,\n";
        let parsed = parse(file.as_bytes()).expect("readable");
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(
            parsed.rows[0].contact.tags,
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
        let lines: Vec<u64> = parsed.errors.iter().map(|error| error.line).collect();
        assert_eq!(lines, vec![1, 3, 4], "{:?}", parsed.errors);
        assert!(parsed.errors[0].message.contains("colour"));
    }

    #[test]
    fn a_file_without_a_header_is_refused() {
        assert!(parse(b"just,some,cells\n1,2,3\n").is_err());
        assert!(parse(&[0xff, 0xfe, 0x00]).is_err());
    }

    #[test]
    fn formula_cells_are_defused_on_export_and_restored_on_import() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+1 555"), "'+1 555");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("plain"), "plain");
        let parsed = parse(b"full_name,phone\n'=cmd,'+1 555 0100\n").expect("readable");
        assert_eq!(parsed.rows[0].contact.full_name, "=cmd");
        assert_eq!(parsed.rows[0].contact.phone.as_deref(), Some("+1 555 0100"));
    }

    #[test]
    fn linkedin_urls_are_compared_without_their_decoration() {
        assert_eq!(
            linkedin_key("https://www.LinkedIn.com/in/ada/?trk=x"),
            linkedin_key("http://linkedin.com/in/ada")
        );
    }
}
