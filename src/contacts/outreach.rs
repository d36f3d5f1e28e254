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
    /// The placeholders that could not be filled: `user_name`,
    /// `contact_name`, `referrer_name`, `field`.
    pub missing_placeholders: Vec<String>,
}

const PHONE_REFERRAL: &str = "Hello {contact_name}, my name is {user_name}. {referrer_name} suggested I speak with you. \
I'm exploring a career in {field}, and {referrer_name} thought you would be a great person to learn from. \
I'd value your perspective on your work. \
Could you spare about 15 minutes for a short conversation in the next week or two?";

const EMAIL_INTRO: &str = "Dear {contact_name},\n\n{referrer_name} suggested I reach out to you. \
My name is {user_name}, and I'm learning about {field}. \
I would be grateful for 15 minutes of your insight into how you got started and what your work is like. \
Would you have time for a short call in the coming weeks?\n\nBest regards,\n{user_name}";

/// The longest script: what `POST /v1/outreach/check` and a request's
/// `message` accept.
pub const SCRIPT_MAX_CHARS: usize = 20_000;

/// The values that fill a script; `None` when unknown.
pub struct Placeholders<'a> {
    pub user_name: Option<&'a str>,
    pub contact_name: Option<&'a str>,
    pub referrer_name: Option<&'a str>,
    pub field: Option<&'a str>,
}

/// Fills the template, leaving unknown placeholders in place and naming them.
pub fn render(template: OutreachTemplate, values: &Placeholders<'_>) -> OutreachScript {
    let mut text = match template {
        OutreachTemplate::PhoneReferral => PHONE_REFERRAL,
        OutreachTemplate::EmailIntro => EMAIL_INTRO,
    }
    .to_owned();
    let mut missing_placeholders = Vec::new();
    for (name, value) in [
        ("user_name", values.user_name),
        ("contact_name", values.contact_name),
        ("referrer_name", values.referrer_name),
        ("field", values.field),
    ] {
        let token = format!("{{{name}}}");
        if !text.contains(&token) {
            continue;
        }
        match value {
            Some(value) => text = text.replace(&token, value),
            None => missing_placeholders.push(name.to_owned()),
        }
    }
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
                .contains("Brad Johnson suggested I speak with you")
        );
        assert!(script.text.contains("my name is Ada Lovelace"));
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
        assert_eq!(script.missing_placeholders, vec!["referrer_name", "field"]);
        assert!(script.text.contains("{referrer_name}"));
    }
}
