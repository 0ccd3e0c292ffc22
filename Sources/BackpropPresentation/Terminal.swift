import BackpropCore

/// How output looks: Unicode or ASCII, colour or not.
///
/// Whether to use colour is the caller's decision (the command line asks whether stdout
/// is a terminal and honours `NO_COLOR`); `ascii` swaps every Unicode symbol for ASCII.
public struct Terminal: Sendable {
  /// ASCII instead of Unicode symbols (`dL/dw1`, `yhat`, `ok`).
  public var ascii: Bool
  /// ANSI colour and bold.
  public var colour: Bool

  /// A terminal that writes ASCII or Unicode, with colour or without.
  public init(ascii: Bool, colour: Bool) {
    self.ascii = ascii
    self.colour = colour
  }

  /// The notation for names, derivatives and numbers.
  public var notation: Notation { ascii ? .ascii : .unicode }

  /// The mark of a value that agrees with the document.
  public var agreeMark: String { ascii ? "ok" : "✓" }
  /// The mark of a value that differs from the document.
  public var differMark: String { ascii ? "X" : "✗" }
  /// A dash.
  public var dash: String { ascii ? "-" : "—" }

  /// `text` in green, with colour.
  public func green(_ text: String) -> String { paint(text, "32") }
  /// `text` in red, with colour.
  public func red(_ text: String) -> String { paint(text, "31") }
  /// `text` in bold, with colour.
  public func bold(_ text: String) -> String { paint(text, "1") }
  /// `text` dimmed, with colour.
  public func dim(_ text: String) -> String { paint(text, "2") }

  private func paint(_ text: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Characters a terminal shows, for lining up columns (no escape codes).
  public static func width(_ text: String) -> Int {
    text.count
  }
}
