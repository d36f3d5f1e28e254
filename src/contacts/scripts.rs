//! Outreach scripts: the classic referral call and a short introduction
//! email, personalised with the names the service knows.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The scripts on offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutreachTemplate {
    /// A phone call: the referrer suggested I speak with you, who I am, my
    /// interest in the field, could you spare about 15 minutes.
    PhoneReferral,
    /// An email under 75 words: the connection first, no request for a job,
    /// ending with a question.
    EmailIntro,
}

/// Query parameters of the outreach script.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OutreachScriptQuery {
    pub template: OutreachTemplate,
}

/// A personalised script.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OutreachScript {
    pub template: OutreachTemplate,
    /// The script; a placeholder that could not be filled stays in it as
    /// `{name}`.
    pub text: String,
    /// The placeholders that could not be filled.
    pub missing_placeholders: Vec<Placeholder>,
}

impl OutreachTemplate {
    pub const ALL: [OutreachTemplate; 2] = [Self::PhoneReferral, Self::EmailIntro];

    /// The script with its placeholders. Each names the referrer in its
    /// first sentence after the greeting, stays under 75 words, asks for
    /// advice, not a job, and ends with a question: what
    /// `POST /v1/outreach/check` asks of a message.
    fn text(self) -> &'static str {
        match self {
            Self::PhoneReferral => {
                "{contact_name}, {referrer_name} suggested I speak with you. \
                 My name is {user_name}, and I'm exploring a career in {field}; \
                 {referrer_name} thought you would be a great person to learn from. \
                 Could you spare about 15 minutes for a short conversation in the next week or two?"
            }
            Self::EmailIntro => {
                "Dear {contact_name},\n\n{referrer_name} suggested I reach out to you. \
                 My name is {user_name}, and I'm learning about {field}. \
                 I would be grateful for 15 minutes of your insight into how you got started \
                 and what your work is like. \
                 Would you have time for a short call in the coming weeks?\n\nBest regards,\n{user_name}"
            }
        }
    }
}

/// The longest script: what `POST /v1/outreach/check` and a request's
/// `message` accept.
pub const SCRIPT_MAX_CHARS: usize = 20_000;

/// A blank of a script, written `{name}` in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = OutreachPlaceholder)]
pub enum Placeholder {
    UserName,
    ContactName,
    ReferrerName,
    Field,
}

impl Placeholder {
    fn named(name: &str) -> Option<Self> {
        match name {
            "user_name" => Some(Self::UserName),
            "contact_name" => Some(Self::ContactName),
            "referrer_name" => Some(Self::ReferrerName),
            "field" => Some(Self::Field),
            _ => None,
        }
    }
}

/// The values that fill a script; `None` when unknown.
pub struct Placeholders<'a> {
    pub user_name: Option<&'a str>,
    pub contact_name: Option<&'a str>,
    pub referrer_name: Option<&'a str>,
    pub field: Option<&'a str>,
}

impl Placeholders<'_> {
    fn value(&self, placeholder: Placeholder) -> Option<&str> {
        match placeholder {
            Placeholder::UserName => self.user_name,
            Placeholder::ContactName => self.contact_name,
            Placeholder::ReferrerName => self.referrer_name,
            Placeholder::Field => self.field,
        }
    }
}

/// Fills the template in one pass, leaving unknown placeholders in place
/// and naming them. One pass: a value that itself reads `{field}` (a
/// contact named so) stays as written instead of being filled in turn.
pub fn render(template: OutreachTemplate, values: &Placeholders<'_>) -> OutreachScript {
    let mut text = String::new();
    let mut missing_placeholders: Vec<Placeholder> = Vec::new();
    let mut rest = template.text();
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            rest = &rest[open..];
            break;
        };
        let written = &rest[open..open + close + 2];
        match Placeholder::named(&after[..close]) {
            Some(placeholder) => match values.value(placeholder) {
                Some(value) => text.push_str(value),
                None => {
                    text.push_str(written);
                    if !missing_placeholders.contains(&placeholder) {
                        missing_placeholders.push(placeholder);
                    }
                }
            },
            // Text in braces that names no placeholder stays as written.
            None => text.push_str(written),
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    OutreachScript {
        template,
        // Long names must not make a script the outreach check, or an
        // interview's `outreach_message`, would refuse.
        text: crate::text::fit(&text, SCRIPT_MAX_CHARS),
        missing_placeholders,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_known() -> Placeholders<'static> {
        Placeholders {
            user_name: Some("Ada Lovelace"),
            contact_name: Some("Grace Hopper"),
            referrer_name: Some("Brad Johnson"),
            field: Some("compilers"),
        }
    }

    #[test]
    fn the_email_is_short_puts_the_connection_first_and_ends_with_a_question() {
        let script = render(OutreachTemplate::EmailIntro, &all_known());
        assert!(script.missing_placeholders.is_empty());
        let body: Vec<&str> = script
            .text
            .lines()
            .filter(|line| !line.is_empty())
            .collect();
        let message = body[1];
        assert!(message.starts_with("Brad Johnson suggested"), "{message}");
        assert!(message.trim_end().ends_with('?'));
        let words = script.text.split_whitespace().count();
        assert!(words < 75, "{words} words");
        for job_word in ["job", "position", "opening", "hiring", "resume", "vacancy"] {
            assert!(!script.text.to_lowercase().contains(job_word), "{job_word}");
        }
    }

    #[test]
    fn the_call_names_the_referrer_and_asks_for_fifteen_minutes() {
        let script = render(OutreachTemplate::PhoneReferral, &all_known());
        assert!(
            script
                .text
                .starts_with("Grace Hopper, Brad Johnson suggested I speak with you.")
        );
        assert!(script.text.contains("My name is Ada Lovelace"));
        assert!(script.text.contains("a career in compilers"));
        assert!(script.text.contains("15 minutes"));
    }

    #[test]
    fn unknown_values_stay_as_placeholders_and_are_listed() {
        let values = Placeholders {
            referrer_name: None,
            field: None,
            ..all_known()
        };
        let script = render(OutreachTemplate::EmailIntro, &values);
        assert_eq!(
            script.missing_placeholders,
            vec![Placeholder::ReferrerName, Placeholder::Field]
        );
        assert!(script.text.contains("{referrer_name}"));
    }

    #[test]
    fn a_value_that_reads_like_a_placeholder_is_not_filled_again() {
        let values = Placeholders {
            contact_name: Some("{field} {user_name}"),
            ..all_known()
        };
        let script = render(OutreachTemplate::PhoneReferral, &values);
        assert!(
            script.text.starts_with("{field} {user_name}, Brad Johnson"),
            "{}",
            script.text
        );
        assert!(script.missing_placeholders.is_empty());
    }

    #[test]
    fn every_script_filled_for_a_referred_contact_passes_the_outreach_check() {
        for template in OutreachTemplate::ALL {
            let script = render(template, &all_known());
            let check = crate::outreach::check::check(&script.text, Some("Brad Johnson"));
            assert_eq!(
                check.verdict,
                crate::outreach::check::Verdict::Good,
                "{template:?}: {:?}\n{}",
                check.reasons,
                script.text
            );
        }
    }
}
