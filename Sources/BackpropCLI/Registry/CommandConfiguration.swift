/// Everything a subcommand declares about itself, from which its help, its usage
/// line, its line in the overview and the checking of its arguments are generated.
struct CommandConfiguration: Sendable {
  /// The word that names it: `walk`.
  var name: String
  /// One line for the overview's SUBCOMMANDS list.
  var abstract: String
  /// The OVERVIEW of the command's own help, when longer than `abstract`.
  var overview: String?
  /// Paragraphs under the overview, each one line here (the help wraps them).
  var discussion: [String] = []
  /// Positional arguments, in order.
  var arguments: [ArgumentDeclaration] = []
  /// Flags and options, in the order the help lists them (`-h, --help` comes last).
  var options: [OptionDeclaration] = []
  /// Command lines to show under EXAMPLES, as typed.
  var examples: [String] = []

  /// The declaration of the option called `name` (no dashes), if any.
  func option(named name: String) -> OptionDeclaration? {
    options.first { $0.names.contains(name) }
  }
}
