//! Reading a CSV import: LinkedIn's `Connections.csv`, or a CSV naming the
//! API's fields (what the export writes).

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::dto::{CreateContactRequest, ImportError, Source};
use super::models::ContactIdentity;
use super::spreadsheet;
use crate::error::{ApiError, FieldError};
use crate::extract;

/// The most data rows a file may hold (DESIGN §8); past it, nothing is
/// stored and the answer is a 413.
pub const MAX_ROWS: usize = 30_000;

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

/// A cell of LinkedIn's export, without the spaces around it.
fn linkedin_cell(record: &csv::StringRecord, index: Option<usize>) -> Option<String> {
    let value = record.get(index?)?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// A cell of a CSV naming our fields, exactly as the export wrote it: the
/// `'` that protects a formula-like cell comes off, and nothing else
/// changes, so that importing an export gives back the same contacts.
fn plain_cell(record: &csv::StringRecord, index: Option<usize>) -> Option<String> {
    let value = spreadsheet::unprotect(record.get(index?)?);
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
        id: None,
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
                linkedin_cell(record, Some(*first_name)),
                linkedin_cell(record, Some(*last_name)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            CreateContactRequest {
                full_name: name,
                email: linkedin_cell(record, *email),
                linkedin_url: linkedin_cell(record, *url),
                company: linkedin_cell(record, *company),
                job_title: linkedin_cell(record, *position),
                source: Some(Source::Online),
                ..empty
            }
        }
        Layout::Plain(columns) => {
            let get = |name: &str| {
                let index = PLAIN_COLUMNS.iter().position(|column| *column == name);
                plain_cell(record, index.and_then(|index| columns[index]))
            };
            let source = match get("source") {
                Some(source) => Some(
                    Source::parse(&source.to_lowercase())
                        .ok_or_else(|| format!("source: `{source}` is not a known source"))?,
                ),
                None => None,
            };
            let tags = get("tags").map(|tags| spreadsheet::split_tags(&tags));
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

/// Reads a CSV file. A file that cannot be read at all is a 422, one with
/// more than [`MAX_ROWS`] data rows a 413; a row that cannot be stored is
/// listed in `errors` and the others go on.
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
    let mut data_rows = 0;
    for record in reader.records() {
        let (line, result) = match record {
            Ok(record) => {
                let line = header_line + record.position().map_or(0, |position| position.line());
                if record.iter().all(|value| value.trim().is_empty()) {
                    continue;
                }
                data_rows += 1;
                if data_rows > MAX_ROWS {
                    return Err(ApiError::TooManyRows { max: MAX_ROWS });
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

/// Which of the user's contacts a row is: its identities (LinkedIn URL,
/// email, name and company — in that order of trust) hashed, so that
/// matching a 30,000-row file against 30,000 contacts holds a few bytes a
/// contact, not their texts.
#[derive(Default)]
pub struct ImportMatches {
    by_linkedin: HashMap<IdentityHash, Uuid>,
    by_email: HashMap<IdentityHash, Uuid>,
    by_name_and_company: HashMap<IdentityHash, Uuid>,
}

/// 128 bits of SHA-256: no two identities of one user's contacts collide.
type IdentityHash = [u8; 16];

fn identity_hash(parts: &[&str]) -> IdentityHash {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let mut hash = [0; 16];
    hash.copy_from_slice(&digest[..16]);
    hash
}

/// The three identity hashes of a contact or a row.
fn identities_of(
    full_name: &str,
    email: Option<&str>,
    linkedin_url: Option<&str>,
    company: Option<&str>,
) -> [Option<IdentityHash>; 3] {
    [
        linkedin_url.map(|url| identity_hash(&[&linkedin_key(url)])),
        email.map(|email| identity_hash(&[&email.to_lowercase()])),
        Some(identity_hash(&[
            &full_name.to_lowercase(),
            &company.unwrap_or_default().to_lowercase(),
        ])),
    ]
}

impl ImportMatches {
    /// The identities of the contacts `stream` reads.
    pub async fn of_contacts(
        stream: impl futures_util::Stream<Item = diesel::QueryResult<ContactIdentity>>,
    ) -> Result<Self, ApiError> {
        use futures_util::TryStreamExt;
        let mut matches = Self::default();
        futures_util::pin_mut!(stream);
        while let Some(contact) = stream.try_next().await? {
            matches.add(&contact);
        }
        Ok(matches)
    }

    fn maps(&mut self) -> [&mut HashMap<IdentityHash, Uuid>; 3] {
        [
            &mut self.by_linkedin,
            &mut self.by_email,
            &mut self.by_name_and_company,
        ]
    }

    /// Remembers a contact; an identity seen first keeps its contact.
    pub fn add(&mut self, contact: &ContactIdentity) {
        let hashes = identities_of(
            &contact.full_name,
            contact.email.as_deref(),
            contact.linkedin_url.as_deref(),
            contact.company.as_deref(),
        );
        for (map, hash) in self.maps().into_iter().zip(hashes) {
            if let Some(hash) = hash {
                map.entry(hash).or_insert(contact.id);
            }
        }
    }

    /// The contact a row is, by its most trusted identity that matches.
    pub fn find(&self, row: &CreateContactRequest) -> Option<Uuid> {
        let hashes = identities_of(
            &row.full_name,
            row.email.as_deref(),
            row.linkedin_url.as_deref(),
            row.company.as_deref(),
        );
        [&self.by_linkedin, &self.by_email, &self.by_name_and_company]
            .into_iter()
            .zip(hashes)
            .find_map(|(map, hash)| map.get(&hash?).copied())
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
    fn protected_cells_are_restored_and_others_kept_exactly() {
        let parsed =
            parse(b"full_name,phone,notes\n'=cmd,'+1 555 0100, spaced \n").expect("readable");
        assert_eq!(parsed.rows[0].contact.full_name, "=cmd");
        assert_eq!(parsed.rows[0].contact.phone.as_deref(), Some("+1 555 0100"));
        assert_eq!(parsed.rows[0].contact.notes.as_deref(), Some(" spaced "));
    }

    #[test]
    fn a_file_of_more_than_30000_rows_is_refused_whole() {
        let mut file = String::from("full_name\n");
        for index in 0..=MAX_ROWS {
            file.push_str(&format!("n{index}\n"));
        }
        assert!(matches!(
            parse(file.as_bytes()),
            Err(ApiError::TooManyRows { .. })
        ));
        let exactly: String = file
            .lines()
            .take(MAX_ROWS + 1)
            .map(|line| format!("{line}\n"))
            .collect();
        assert_eq!(
            parse(exactly.as_bytes()).expect("readable").rows.len(),
            MAX_ROWS
        );
    }

    #[test]
    fn linkedin_urls_are_compared_without_their_decoration() {
        assert_eq!(
            linkedin_key("https://www.LinkedIn.com/in/ada/?trk=x"),
            linkedin_key("http://linkedin.com/in/ada")
        );
    }
}
