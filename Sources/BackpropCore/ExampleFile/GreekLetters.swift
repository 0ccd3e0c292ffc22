/// The letters a lecture writes that an example file may spell in ASCII: `α` is
/// `alpha`, `ŷ` is `yhat`. The one table both ways: the lexer reads a letter as its
/// name, and notation writes a name as its letter.
public enum GreekLetters {
  /// Each letter and its ASCII name.
  public static let table: [(letter: Character, name: String)] = [
    ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"),
    ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("κ", "kappa"), ("λ", "lambda"),
    ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"),
    ("τ", "tau"), ("φ", "phi"), ("χ", "chi"), ("ψ", "psi"), ("ω", "omega"),
    ("Δ", "Delta"), ("Σ", "Sigma"), ("ŷ", "yhat"),
  ]

  private static let names = Dictionary(table.map { ($0.letter, $0.name) }, uniquingKeysWith: { first, _ in first })

  /// The ASCII name of `letter`, if it is one of the table's letters.
  public static func asciiName(of letter: Character) -> String? {
    names[letter]
  }
}
