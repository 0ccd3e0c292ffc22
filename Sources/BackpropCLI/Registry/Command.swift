/// A subcommand: what it declares, the gate its arguments pass, and what it does.
///
/// A new subcommand is one file with one type conforming to this protocol, and one
/// entry in `CommandRegistry.commands`; its help, its usage line, its entry in the
/// overview and the checking of its arguments all come from `configuration`.
protocol Command {
  /// The name, summary, arguments, options and examples, declared once.
  static var configuration: CommandConfiguration { get }

  /// Reads the parsed arguments into typed values and checks what the declarations
  /// cannot (a name that must be one of a list, two values that must differ): the one
  /// gate before `run`.
  init(_ arguments: ParsedArguments) throws

  /// Does the work and returns the exit status (0 unless the command says otherwise).
  func run() throws -> Int32
}
