import BackpropEngine
import Foundation

/// Reads example files (the format of `Examples/README.md`).
public enum ExampleParser {
  /// The largest file read; anything larger is not a hand-written example.
  public static let maximumBytes = 1 << 20

  /// Parses an example from the bytes of a file.
  ///
  /// - Parameters:
  ///   - data: the file's bytes, which must be UTF-8.
  ///   - file: the name used in error messages.
  /// - Throws: ``ExampleError`` naming the line and column of the first problem.
  public static func parse(_ data: Data, file: String) throws -> Example {
    do {
      // Windows and old Mac line ends read as "\n" ("\r\n" is a single Character in Swift).
      let text = try decode(data).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      return try parse(lines: text.split(separator: "\n", omittingEmptySubsequences: false), file: file)
    } catch let error as LocatedError {
      throw ExampleError(file: file, location: error.location, message: error.message)
    }
  }

  /// Parses an example from text.
  public static func parse(_ text: String, file: String) throws -> Example {
    try parse(Data(text.utf8), file: file)
  }

  /// UTF-8 text with no NUL bytes, or the place of the first bad byte.
  static func decode(_ data: Data) throws -> String {
    if data.count > maximumBytes {
      throw LocatedError(
        SourceLocation(line: 1, column: 1), "file is too large (\(data.count) bytes; an example file may have at most \(maximumBytes))")
    }
    if let text = String(data: data, encoding: .utf8), !text.contains("\0") {
      return text
    }
    // Find the first NUL or invalid byte and report its line and column.
    var line = 1
    var column = 1  // counted in Unicode scalars: one per sequence read
    var index = 0
    let bytes = [UInt8](data)
    while index < bytes.count {
      let byte = bytes[index]
      let length = utf8SequenceLength(bytes, at: index)
      let location = SourceLocation(line: line, column: column)
      if byte == 0 { throw LocatedError(location, "NUL byte in the file; an example file is plain text") }
      guard length > 0 else {
        throw LocatedError(location, "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)); save the file as UTF-8")
      }
      column += 1
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      }
      index += length
    }
    throw LocatedError(SourceLocation(line: line, column: 1), "the file is not valid UTF-8")
  }

  /// The length of the valid UTF-8 sequence at `index`, or 0 if it is invalid.
  private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let byte = bytes[index]
    let length: Int
    switch byte {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    let sequence = Array(bytes[index..<index + length])
    return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
  }

  /// One statement: its tokens without the comment, and the comment.
  struct Statement {
    var number: Int
    var text: Substring
    var tokens: [Token]
    var comment: String?
    var end: SourceLocation
    /// A `title:` or `source:` line, whose text is not tokenised.
    var isHeader = false
  }

  private static func parse(lines: [Substring], file: String) throws -> Example {
    var statements: [Statement] = []
    for (offset, rawLine) in lines.enumerated() {
      let number = offset + 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      var code = line
      var comment: String?
      if let hash = line.firstIndex(of: "#") {
        code = line[..<hash]
        comment = line[line.index(after: hash)...].trimmingCharacters(in: .whitespaces)
      }
      if code.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
      if let header = try headerLine(code, number: number) {
        statements.append(
          Statement(
            number: number, text: code, tokens: header, comment: comment, end: SourceLocation(line: number, column: code.count + 1),
            isHeader: true))
        continue
      }
      let tokens = try Lexer.tokens(in: code, lineNumber: number)
      if tokens.isEmpty { continue }
      statements.append(
        Statement(number: number, text: code, tokens: tokens, comment: comment, end: SourceLocation(line: number, column: code.count + 1)))
    }
    var builder = Builder(file: file, statements: statements)
    return try builder.build()
  }

  /// `title:` and `source:` lines take free text, which is not tokenised.
  private static func headerLine(_ code: Substring, number: Int) throws -> [Token]? {
    let trimmed = code.drop { $0 == " " || $0 == "\t" }
    let column = code.count - trimmed.count + 1
    for keyword in ["title", "source"] where trimmed.hasPrefix(keyword) {
      let rest = trimmed.dropFirst(keyword.count)
      let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
      // `title x`, not `titles = ...`: the colon is missing.
      if (rest.isEmpty || rest.first == " " || rest.first == "\t") && afterSpaces.first != ":" && afterSpaces.first != "=" {
        let at = column + keyword.count + (rest.count - afterSpaces.count)
        throw LocatedError(SourceLocation(line: number, column: at), "expected ':' after '\(keyword)' (write '\(keyword): TEXT')")
      }
      if afterSpaces.first == ":", !rest.hasPrefix(":") {
        throw LocatedError(
          SourceLocation(line: number, column: column + keyword.count), "write '\(keyword):' with no space before the ':'")
      }
    }
    for keyword in ["title", "source"] where trimmed.hasPrefix(keyword + ":") {
      let text = trimmed.dropFirst(keyword.count + 1).trimmingCharacters(in: .whitespaces)
      if text.isEmpty {
        throw LocatedError(SourceLocation(line: number, column: code.count + 1), "'\(keyword):' needs some text after it")
      }
      return [
        Token(kind: .identifier(keyword), location: SourceLocation(line: number, column: column)),
        Token(kind: .identifier(text), location: SourceLocation(line: number, column: column + keyword.count + 1)),
      ]
    }
    return nil
  }
}
