//! Session notes' Markdown as report blocks, read with `pulldown-cmark` (CommonMark): headings
//! become subheadings, paragraphs keep their words (lines joined), lists stay lists (a list inside
//! an item joins the outer one). Emphasis and code marks are dropped and links keep their address
//! in brackets, since a printed page cannot follow them.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::Block;

/// Markdown as report blocks: headings, paragraphs (lines joined), bulleted and numbered lists;
/// emphasis and code marks dropped, `[text](address)` kept as "text (address)".
pub fn markdown_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Notes::default();
    for event in Parser::new(text) {
        blocks.take(event);
    }
    blocks.blocks
}

/// The blocks so far, and the text and list being read.
#[derive(Debug, Default)]
struct Notes {
    blocks: Vec<Block>,
    /// The words of the paragraph, heading or list item being read.
    text: String,
    /// The outermost list being read: whether it is numbered, and its items so far.
    list: Option<(bool, Vec<String>)>,
    /// How many lists deep the reader is.
    lists: usize,
    /// The addresses of the links being read, innermost last.
    links: Vec<String>,
}

impl Notes {
    fn take(&mut self, event: Event<'_>) {
        match event {
            Event::Text(words) | Event::Code(words) | Event::Html(words) => {
                self.text.push_str(&words);
            }
            Event::InlineHtml(words) | Event::InlineMath(words) | Event::DisplayMath(words) => {
                self.text.push_str(&words);
            }
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::Start(Tag::List(first)) => {
                if self.lists == 0 {
                    self.list = Some((first.is_some(), Vec::new()));
                } else {
                    // The words of the item this list sits in come before its own items.
                    self.end_item();
                }
                self.lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.lists = self.lists.saturating_sub(1);
                if self.lists == 0
                    && let Some((ordered, items)) = self.list.take()
                {
                    self.blocks.push(Block::List { ordered, items });
                }
            }
            Event::End(TagEnd::Item) => self.end_item(),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                self.links.push(dest_url.into_string());
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(address) = self.links.pop() {
                    self.text.push_str(&format!(" ({address})"));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let title = self.words();
                if !title.is_empty() {
                    self.blocks.push(Block::Subheading(title));
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                if self.lists > 0 {
                    // A paragraph inside a list item: its words run on in the item.
                    self.text.push(' ');
                } else {
                    let words = self.words();
                    if !words.is_empty() {
                        self.blocks.push(Block::Paragraph(words));
                    }
                }
            }
            _ => {}
        }
    }

    fn end_item(&mut self) {
        let words = self.words();
        if let Some((_, items)) = &mut self.list
            && !words.is_empty()
        {
            items.push(words);
        }
    }

    /// The words read so far on one line (its lines trimmed and joined with a space), and a
    /// fresh start.
    fn words(&mut self) -> String {
        let words = self
            .text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.text.clear();
        words
    }
}
