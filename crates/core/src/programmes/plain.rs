//! Parser messages in plain words. serde, serde_json and toml say what went wrong in their own
//! terms ("invalid type: string \"one\", expected u32 at line 4 column 17"); a facilitator who
//! opens a programme file needs "the text \"one\" where a whole number belongs", and the line.

/// `text` with its first letter a capital.
pub(crate) fn capital(text: &str) -> String {
    let mut chars = text.trim().chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `text` with its first letter small: a message that continues a sentence.
pub(crate) fn small(text: &str) -> String {
    let mut chars = text.trim().chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// `text` ending in a full stop unless it ends in one already.
pub(crate) fn stop(text: &str) -> String {
    let mut out = text.trim().to_owned();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// The 1-based line and column of a byte offset into `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// What a JSON syntax error means, without serde_json's own " at line L column C" tail.
pub(crate) fn json_syntax(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |at| &message[..at]);
    let plain = match message {
        "expected value" => {
            "there is something that is not a value (a text in quotes, a number, true, false, a list or a group of fields)"
        }
        "expected `,` or `}`" => "a comma or a closing } is missing",
        "expected `,` or `]`" => "a comma or a closing ] is missing",
        "expected `:`" => "a colon is missing after a field's name",
        "key must be a string" => "a field's name is not in double quotes",
        "trailing comma" => "a comma is followed by nothing",
        "trailing characters" => "more text follows the end of the file's content",
        "invalid number" | "number out of range" => "a number cannot be read",
        "invalid escape" | "invalid unicode code point" => {
            "a text has a \\ sequence that is not allowed"
        }
        m if m.starts_with("control character") => {
            "a text has a line break or tab inside its quotes"
        }
        m if m.starts_with("EOF") => "the file ends in the middle of its content",
        other => return format!("the text cannot be read ({other})"),
    };
    plain.to_owned()
}

/// What a serde data error means: a field missing, unknown or of the wrong type.
pub(crate) fn data_problem(message: &str) -> String {
    let message = message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at])
        .trim();
    let quoted = |rest: &str| rest.split('`').nth(1).unwrap_or(rest).to_owned();
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("the field \"{}\" is missing", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!(
            "there is a field \"{}\" that does not belong here",
            quoted(rest)
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("the field \"{}\" is there twice", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let expected = rest
            .split_once("expected ")
            .map_or(String::new(), |(_, e)| {
                format!(": expected {}", e.replace('`', "\""))
            });
        return format!(
            "\"{}\" is not a value this field takes{expected}",
            quoted(rest)
        );
    }
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return format!("{} is where {} belongs", kind(found), kind(expected));
        }
    }
    toml_syntax(message)
}

/// What a TOML syntax error means (the toml crate's message, without its own position).
fn toml_syntax(message: &str) -> String {
    let plain = match message {
        m if m.contains("string") && m.contains("expected `\"`") => {
            "a text in quotes is not closed with \""
        }
        m if m.contains("string") && m.contains("expected `'`") => {
            "a text in quotes is not closed with '"
        }
        m if m.starts_with("duplicate key") => "a field is there twice",
        m if m.contains("expected `=`") => "an = is missing after a field's name",
        m if m.contains("expected `]`") => "a [ is not closed with ]",
        m if m.contains("expected `}`") => "a { is not closed with }",
        m if m.starts_with("invalid table header") => "a [header] cannot be read",
        m if m.starts_with("invalid key") || m.contains("in key") => {
            "a field's name cannot be read"
        }
        other => return format!("the text cannot be read ({other})"),
    };
    plain.to_owned()
}

/// serde's names for kinds of values, in plain words.
fn kind(name: &str) -> String {
    let name = name.trim();
    if let Some(text) = name.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(number) = name.strip_prefix(prefix) {
            return format!("the number {}", number.trim_matches('`'));
        }
    }
    if let Some(value) = name.strip_prefix("boolean ") {
        return value.trim_matches('`').to_owned();
    }
    match name {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "isize"
        | "an integer" => "a whole number".to_owned(),
        "f32" | "f64" | "a number" => "a number".to_owned(),
        "a string" | "string" => "a text in quotes".to_owned(),
        "a boolean" | "boolean" => "true or false".to_owned(),
        "sequence" | "a sequence" => "a list".to_owned(),
        "map" | "a map" => "a group of fields".to_owned(),
        "null" | "unit value" => "nothing (null)".to_owned(),
        other => other.replace('`', "\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_start_with_a_capital_and_end_with_a_stop() {
        assert_eq!(
            stop(&capital("the file is cut off")),
            "The file is cut off."
        );
        assert_eq!(stop("Done."), "Done.");
        assert_eq!(
            small("The title can't be empty."),
            "the title can't be empty."
        );
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 6));
    }

    #[test]
    fn serde_messages_become_plain_words() {
        assert_eq!(
            data_problem("missing field `title` at line 3 column 1"),
            "the field \"title\" is missing"
        );
        assert_eq!(
            data_problem("unknown field `titel`, expected one of `id`, `title`"),
            "there is a field \"titel\" that does not belong here"
        );
        assert_eq!(
            data_problem("invalid type: string \"one\", expected u32"),
            "the text \"one\" is where a whole number belongs"
        );
        assert_eq!(
            data_problem("invalid type: integer `5`, expected a string"),
            "the number 5 is where a text in quotes belongs"
        );
    }
}
