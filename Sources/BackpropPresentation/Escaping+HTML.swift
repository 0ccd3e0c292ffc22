extension Escaping {
  /// `text` safe inside an HTML element or a quoted attribute: the XML escaping
  /// (``xml(_:)``), which HTML reads the same way.
  public static func html(_ text: String) -> String {
    xml(text)
  }

  /// JSON text safe inside `<script type="application/json">`: every `<` written as the
  /// JSON escape `\u003c`, so that neither `</script>` nor `<!--` in a string can end or
  /// change the element. A `<` occurs only inside strings, where the escape means `<`.
  public static func scriptJSON(_ json: String) -> String {
    // By scalar, not by character: `<` followed by a combining mark is one Character.
    var out = ""
    for scalar in json.unicodeScalars {
      if scalar == "<" { out += "\\u003c" } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}
