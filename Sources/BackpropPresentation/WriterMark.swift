/// The first lines of every file the tool writes as a picture or a graph, so that a
/// later run can tell a file it wrote from one a person wrote, and replace only the first.
///
/// Judged by content, not by name: `train --svg hw1.txt` must not replace a homework
/// file, and `--svg loss.svg` may replace last week's curve but not a logo.
public enum WriterMark {
  /// The first two lines of every SVG picture: the XML declaration, then a comment.
  public static let svg = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<!-- Written by backprop-tutor. -->"

  /// The first two lines of every Graphviz file: the graph's header, then a comment.
  public static let dot = "digraph backprop {\n  // Written by backprop-tutor."

  /// The first two lines of every HTML page: the doctype, then a comment.
  public static let html = "<!DOCTYPE html>\n<!-- Written by backprop-tutor. -->"

  /// The first line of every Markdown handout: a comment, which GitHub does not show.
  public static let markdown = "<!-- Written by backprop-tutor. -->"

  /// The first line of every LaTeX handout: a comment.
  public static let latex = "% Written by backprop-tutor."

}
