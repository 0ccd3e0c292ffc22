import BackpropCore

/// An example loaded and compiled, or the failure that stops the command.
enum Evaluated {
  static func load(_ target: String, command: String) throws -> Evaluation {
    let example = try ExampleLoader.load(target, command: command)
    do {
      return try Evaluation(example)
    } catch let error as ExampleError {
      throw Failure.data(error)
    }
  }
}
