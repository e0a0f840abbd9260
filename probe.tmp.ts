import { generate } from "./generator/index";
(async () => {
  const r = await generate({ schema: process.argv[2]!, emit: ["guards"], build: false, format: false });
  for (const t of r.model.types) console.log(t.name, JSON.stringify(t.origin));
})();
