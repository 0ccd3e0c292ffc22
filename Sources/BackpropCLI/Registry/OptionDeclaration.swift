/// A flag (`--json`) or an option with a value (`--round <n>`): its names, the kind of
/// value it takes, its help and its default.
struct OptionDeclaration: Sendable {
  /// What an option's value must be; checked before the command sees it, with the
  /// error message named here.
  enum Kind: Sendable {
    /// No value: present or not.
    case flag
    /// Any text.
    case text
    /// A number (`Double`), any sign.
    case number
    /// A finite number above zero.
    case positiveNumber
    /// A whole number within the range.
    case wholeNumber(ClosedRange<Int>)
    /// A count of decimals within the range.
    case decimals(ClosedRange<Int>)
    /// One of these words.
    case choice([String])
  }

  /// Long names without dashes. Several names share one row of help (`--inputs,
  /// --targets <values>`), but each is an option of its own.
  var names: [String]
  var kind: Kind
  /// The value's name in help: `n` shows as `<n>`; nil for a flag.
  var valueName: String?
  /// The help text, one line here (the help wraps it).
  var help: String
  /// The value when the option is not given, shown as `(default: ...)`.
  var defaultValue: String?
  /// Words for a default that is not one value (`a tenth of the steps`).
  var defaultDescription: String?

  /// A flag.
  static func flag(_ name: String, help: String) -> Self {
    Self(names: [name], kind: .flag, valueName: nil, help: help)
  }

  /// An option that takes a value.
  static func option(
    _ names: String..., value: String, kind: Kind = .text, help: String, default defaultValue: String? = nil,
    defaultDescription: String? = nil
  ) -> Self {
    Self(names: names, kind: kind, valueName: value, help: help, defaultValue: defaultValue, defaultDescription: defaultDescription)
  }

  /// Whether it takes a value.
  var takesValue: Bool {
    if case .flag = kind { return false }
    return true
  }

  /// `--round <n>` or `--inputs, --targets <values>`, as the OPTIONS section labels it.
  var label: String {
    names.map { "--" + $0 }.joined(separator: ", ") + (valueName.map { " <\($0)>" } ?? "")
  }

  /// The help with its default: `How many steps (default: 100).`
  var helpWithDefault: String {
    guard let shown = defaultDescription ?? defaultValue else { return help }
    let body = help.hasSuffix(".") ? String(help.dropLast()) : help
    return body + " (default: \(shown))."
  }

  /// The USAGE line's words: `[--round <n>]`, one for each name.
  var usage: [String] {
    names.map { "[--\($0)" + (valueName.map { " <\($0)>" } ?? "") + "]" }
  }

  /// Why `text` is not a value of this option, as the error message says it; nil when it is.
  func problem(with text: String, name: String) -> String? {
    switch kind {
    case .flag, .text:
      return nil
    case .number:
      return Double(text) == nil ? "'--\(name)' takes a number, not '\(Failure.quoted(text))'" : nil
    case .positiveNumber:
      guard let number = Double(text), number.isFinite, number > 0 else {
        return "'--\(name)' takes a positive number, not '\(Failure.quoted(text))'"
      }
      return nil
    case .wholeNumber(let range):
      guard let number = Int(text), range.contains(number) else {
        return "'--\(name)' takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(Failure.quoted(text))'"
      }
      return nil
    case .decimals(let range):
      guard let number = Int(text), range.contains(number) else {
        return "'--\(name)' takes a whole number of decimals from \(range.lowerBound) to \(range.upperBound), not '\(Failure.quoted(text))'"
      }
      return nil
    case .choice(let words):
      guard words.contains(text) else {
        let list = words.dropLast().joined(separator: ", ") + (words.count > 1 ? " or " : "") + (words.last ?? "")
        return "'--\(name)' takes \(list), not '\(Failure.quoted(text))'"
      }
      return nil
    }
  }
}
