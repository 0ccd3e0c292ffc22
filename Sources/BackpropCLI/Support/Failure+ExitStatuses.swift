import BackpropCore

extension Failure {
  /// Every exit status the tool uses and what it means, for the manual. The statuses of
  /// failures are read from the cases themselves, so the manual cannot disagree with them.
  static var exitStatuses: [(status: Int32, meaning: String)] {
    let place = ExampleError(file: "", location: SourceLocation(line: 1, column: 1), message: "")
    return [
      (0, "Success."),
      (1, "check found a document value that differs from the exact one, or train or surface saw the descent diverge."),
      (
        Failure.usage("", command: nil).status,
        "Bad usage: an unknown subcommand, option or example name, or an option's value that is not allowed."
      ),
      (Failure.data(place).status, "Bad data: an example file that is not valid, or quiz input that is not typed answers."),
      (Failure.noInput("").status, "A file or folder that cannot be read."),
      (Failure.cannotWrite("").status, "A file that cannot be written (see --output and --force)."),
      (Console.outputErrorStatus, "Standard output cannot be written, with 'Error: cannot write to standard output'."),
    ]
  }
}
