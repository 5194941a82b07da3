"""One module per ``kg`` subcommand; each has ``register(subparsers)`` that adds its parser.

``COMMANDS`` lists them in the order ``kg --help`` shows them.
"""
COMMANDS = ["build", "extract", "eval", "rules", "view", "stats", "query", "export", "validate", "check", "remove", "review", "cache", "train_ner"]
