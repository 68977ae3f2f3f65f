// Validates every document in the given Kubernetes manifest files against the API schemas, offline.
// Prints one line per document and exits 1 if any is invalid or of an unknown kind.
//   node tools/k8s-validate/validate.mjs deploy/kubernetes/*.yaml
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const models = {
  "apps/v1/Deployment": () => import("kubernetes-models/apps/v1/Deployment"),
  "v1/Service": () => import("kubernetes-models/v1/Service"),
  "policy/v1/PodDisruptionBudget": () => import("kubernetes-models/policy/v1/PodDisruptionBudget"),
};

let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.log(`${file}: not YAML: ${doc.errors[0].message}`);
      failed++;
      continue;
    }

    const manifest = doc.toJS();
    if (!manifest || manifest.kind === "Kustomization") {
      continue;
    }

    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const load = models[key];
    if (!load) {
      console.log(`${file}: ${key} is not a kind this check knows`);
      failed++;
      continue;
    }

    const Model = (await load())[manifest.kind];
    try {
      new Model(manifest).validate();
      console.log(`${file}: ${key} ${manifest.metadata?.name}: valid`);
    } catch (error) {
      console.log(`${file}: ${key} ${manifest.metadata?.name}: ${error.message}`);
      failed++;
    }
  }
}

process.exit(failed > 0 ? 1 : 0);
