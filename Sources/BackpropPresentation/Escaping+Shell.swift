/// Escapers for shell scripts (completion scripts).
extension Escaping {
  /// `text` as one single-quoted word of bash or zsh: `'it'\''s'`. Nothing inside single
  /// quotes is special except the quote itself, which ends the quoting, is written escaped,
  /// and starts it again.
  public static func posixShellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// `text` as one single-quoted word of fish, where inside single quotes a backslash
  /// escapes a quote or a backslash: `'it\'s'`.
  public static func fishQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }

  /// `text` as one word of a POSIX shell command a user can paste: as it is when every
  /// character is one no shell treats specially (letters, digits, `_-./+,:=@%`), else
  /// ``posixShellQuoted(_:)`` (`'my key.txt'`).
  public static func posixShellWord(_ text: String) -> String {
    let plain =
      !text.isEmpty
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./+,:=@%".unicodeScalars.contains($0))
      }
    return plain ? text : posixShellQuoted(text)
  }
}
