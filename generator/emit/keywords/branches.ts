/** Shared by anyOf/oneOf when annotations are needed: evaluate each branch into its own record. */
import { code, type Code } from "../code";
import type { IrSchema } from "../../ir/model";
import type { Scope } from "../guards/scope";

/**
 * Emits the evaluation of every branch (no short-circuit: annotations come from all that pass),
 * merging the passing ones' annotations. Returns the variable counting the passing branches.
 * For oneOf, merging more than one passing branch is harmless: the node fails anyway.
 */
export function evaluateBranches(s: Scope, branches: readonly IrSchema[], at: (i: number) => string): Code {
  const count = s.local("matched");
  const evaluated = s.module.runtime("evaluated", "evaluated");
  const merge = s.module.runtime("evaluated", "mergeEvaluated");
  s.body.line(code`let ${count} = 0;`);
  branches.forEach((branch, i) => {
    const record = s.local("e");
    s.body.line(code`const ${record} = ${evaluated}();`);
    s.body.block(code`if (${s.evaluate(branch, s.value, record, at(i))})`, () => {
      s.body.line(code`${count}++;`);
      s.body.line(code`${merge}(${s.ev!}, ${record});`);
    });
  });
  return count;
}
