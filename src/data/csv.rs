//! A small RFC 4180 reader for the embedded CSV files: quoted fields, doubled quotes, commas
//! and newlines inside quotes. The files are ours and checked by tests; a malformed one
//! yields a [`CsvError`] naming the line and column, never a panic.

use std::fmt;

/// A parsed CSV file: the header and the rows, every row as long as the header.
#[derive(Debug, Clone)]
pub struct Records {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Records {
    /// The index of a named column.
    pub fn column(&self, name: &str) -> Result<usize, CsvError> {
        self.header.iter().position(|h| h == name).ok_or_else(|| CsvError::MissingColumn(name.to_string()))
    }
}

/// What can be wrong with an embedded CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvError {
    /// The file has no header line.
    Empty,
    /// A quoted field is not closed before the end of the file.
    UnclosedQuote { line: usize },
    /// A row has a different number of fields from the header.
    RaggedRow { line: usize, expected: usize, found: usize },
    /// A column the reader needs is absent.
    MissingColumn(String),
    /// A value does not parse as its column's type.
    BadValue { line: usize, column: String, value: String },
}

impl CsvError {
    pub fn bad(line: usize, column: &str, value: &str) -> Self {
        Self::BadValue { line, column: column.to_string(), value: value.to_string() }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "the file is empty"),
            Self::UnclosedQuote { line } => write!(f, "line {line}: a quoted field is not closed"),
            Self::RaggedRow { line, expected, found } => {
                write!(f, "line {line}: {found} fields where the header has {expected}")
            }
            Self::MissingColumn(c) => write!(f, "no column named {c}"),
            Self::BadValue { line, column, value } => write!(f, "line {line}: {column} = \"{value}\" is not valid"),
        }
    }
}

impl std::error::Error for CsvError {}

/// Splits CSV text into records (header first). Blank lines are skipped.
pub fn parse_records(text: &str) -> Result<Records, CsvError> {
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    let mut field = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if !(row.len() == 1 && row[0].is_empty()) {
                    records.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError::UnclosedQuote { line: row_line });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        records.push((row_line, row));
    }
    let mut iter = records.into_iter();
    let (_, header) = iter.next().ok_or(CsvError::Empty)?;
    let mut rows = Vec::new();
    for (line, r) in iter {
        if r.len() != header.len() {
            return Err(CsvError::RaggedRow { line, expected: header.len(), found: r.len() });
        }
        rows.push(r);
    }
    Ok(Records { header, rows })
}

/// Quotes a field for writing CSV when it needs it.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_commas_and_newlines() {
        let r = parse_records("a,b,c\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n\n2,,z\n").unwrap();
        assert_eq!(r.rows, vec![vec!["1", "x, \"y\"", "two\nlines"], vec!["2", "", "z"]]);
    }

    #[test]
    fn malformed_files_are_errors_not_panics() {
        assert!(matches!(parse_records(""), Err(CsvError::Empty)));
        assert!(matches!(parse_records("a,b\n1\n"), Err(CsvError::RaggedRow { line: 2, .. })));
        assert!(matches!(parse_records("a\n\"open\n"), Err(CsvError::UnclosedQuote { .. })));
    }

    #[test]
    fn quote_round_trips() {
        let text = format!("h\n{}\n", quote("a \"b\", c"));
        assert_eq!(parse_records(&text).unwrap().rows[0][0], "a \"b\", c");
    }
}
