import BackpropEngine

/// A token of one line of an example file.
struct Token: Equatable {
  enum Kind: Equatable {
    case number(Double, text: String)
    /// A name, in its ASCII spelling (`ŷ` reads as `yhat`, `α` as `alpha`).
    case identifier(String)
    /// `∂`, which starts a derivative.
    case partial
    /// One of `+ - * / ^ ( ) [ ] , = ' @ :`.
    case symbol(Character)
  }

  var kind: Kind
  var location: SourceLocation
}

extension Token.Kind {
  var described: String {
    switch self {
    case .number(_, let text): "number \(text)"
    case .identifier(let name): "'\(name.excerpt())'"
    case .partial: "'∂'"
    case .symbol("'"): "a prime (')"
    case .symbol(let c): "'\(c)'"
    }
  }
}
