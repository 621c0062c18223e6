import { Command, Help, type Argument, type Option } from 'commander';
import type { CliTexts } from '../domain/messages/cli-texts.js';

type HelpTexts = CliTexts['help'];

const argumentTerm = (a: Argument): string => {
  const name = `${a.name()}${a.variadic ? '...' : ''}`;
  return a.required ? `<${name}>` : `[${name}]`;
};

/** Commander's help with the words from the catalogue: section titles, placeholders, defaults. */
class CatalogueHelp extends Help {
  readonly #t: HelpTexts;
  readonly #titles: Readonly<Record<string, string>>;

  constructor(t: HelpTexts) {
    super();
    this.#t = t;
    // Commander names its sections in English and passes that title here; these are all it uses (commander 14).
    this.#titles = {
      'Usage:': t.titles.usage,
      'Arguments:': t.titles.arguments,
      'Options:': t.titles.options,
      'Global Options:': t.titles.globalOptions,
      'Commands:': t.titles.commands,
    };
  }

  override styleTitle(title: string): string {
    return this.#titles[title] ?? title;
  }

  override commandUsage(cmd: Command): string {
    const ancestors: string[] = [];
    for (let parent = cmd.parent; parent !== null; parent = parent.parent) ancestors.unshift(parent.name());
    return [
      ...ancestors,
      cmd.name(),
      this.#t.optionsPlaceholder,
      ...(cmd.commands.length > 0 ? [this.#t.commandPlaceholder] : []),
      ...cmd.registeredArguments.map(argumentTerm),
    ].join(' ');
  }

  override subcommandTerm(cmd: Command): string {
    return [
      cmd.name(),
      ...(cmd.options.length > 0 ? [this.#t.optionsPlaceholder] : []),
      ...cmd.registeredArguments.map(argumentTerm),
    ].join(' ');
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices !== undefined) extra.push(this.#t.choices({ values: option.argChoices }));
    // A default means something to the operator only for an option that takes a value.
    if (option.defaultValue !== undefined && (option.required || option.optional)) {
      extra.push(this.#t.defaultValue({ value: option.defaultValueDescription ?? String(option.defaultValue) }));
    }
    return extra.length === 0 ? option.description : `${option.description} (${extra.join(', ')})`;
  }
}

/**
 * A commander command that speaks Dutch from the catalogue: its help, and the errors commander raises while it
 * reads the command line (same error codes as commander's, so `exitOverride` sees the usual CommanderError).
 * Subcommands made with `.command()` are of this class too.
 */
export class BurgernetCommand extends Command {
  readonly #t: CliTexts;

  constructor(texts: CliTexts, name?: string) {
    super(name);
    this.#t = texts;
    this.helpOption('-h, --help', texts.help.helpOption);
  }

  /** The program itself: its `help` command is inherited by the commands that have subcommands. */
  static program(texts: CliTexts, name: string): BurgernetCommand {
    const program = new BurgernetCommand(texts, name);
    program.helpCommand(`help ${texts.help.commandPlaceholder}`, texts.help.helpCommand);
    return program;
  }

  override createCommand(name?: string): BurgernetCommand {
    return new BurgernetCommand(this.#t, name);
  }

  override createHelp(): Help {
    return Object.assign(new CatalogueHelp(this.#t.help), this.configureHelp());
  }

  // The methods below replace commander's (not in its typings) that build its English error messages.

  unknownCommand(): void {
    this.error(this.#t.usageErrors.unknownCommand({ name: this.args[0] ?? '' }), { code: 'commander.unknownCommand' });
  }

  unknownOption(flag: string): void {
    this.error(this.#t.usageErrors.unknownOption({ flag }), { code: 'commander.unknownOption' });
  }

  missingMandatoryOptionValue(option: Option): void {
    this.error(this.#t.usageErrors.missingOption({ flags: option.flags }), {
      code: 'commander.missingMandatoryOptionValue',
    });
  }

  optionMissingArgument(option: Option): void {
    this.error(this.#t.usageErrors.missingOptionValue({ flags: option.flags }), {
      code: 'commander.optionMissingArgument',
    });
  }

  missingArgument(name: string): void {
    this.error(this.#t.usageErrors.missingArgument({ name }), { code: 'commander.missingArgument' });
  }

  _excessArguments(received: string[]): void {
    this.error(
      this.#t.usageErrors.excessArguments({
        command: this.name(),
        expected: this.registeredArguments.length,
        received,
      }),
      { code: 'commander.excessArguments' },
    );
  }
}
