// Opens an inspection, records judgements and reads its ratings through RatingGrid's gRPC contract,
// using grpc-js and stubs generated at load time from protos/. Prints one JSON line of what it saw.
//   RATINGGRID_TOKEN=<bearer token> node tools/grpc-js-client/client.mjs <host:port> <inspection-id>
import { fileURLToPath } from "node:url";
import path from "node:path";
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";

const [address, inspectionId] = process.argv.slice(2);
if (!address || !inspectionId) {
  console.error("usage: client.mjs <host:port> <inspection-id>");
  process.exit(2);
}

const protos = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../protos");
const definition = protoLoader.loadSync("ratinggrid/v1/inspection_service.proto", {
  includeDirs: [protos],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { InspectionService } = grpc.loadPackageDefinition(definition).ratinggrid.v1;
const client = new InspectionService(address, grpc.credentials.createInsecure());
// Every call carries the bearer token; the server records its subject as the actor.
const metadata = new grpc.Metadata();
if (process.env.RATINGGRID_TOKEN) metadata.set("authorization", `Bearer ${process.env.RATINGGRID_TOKEN}`);
const call = (method, request) =>
  new Promise((resolve, reject) => client[method](request, metadata, (error, response) => (error ? reject(error) : resolve(response))));

const keyQuestions = ["P2.1", "P2.2", "P2.3", "P2.4"].flatMap((s) => ["E", "D", "S"].map((f) => `${s}.${f}`));
const judgement = (caseId, yes) => ({
  case_id: caseId,
  revision: 1,
  case_type: "community",
  traits: [{ name: "gender", value: "female" }],
  answers: keyQuestions.map((id, i) => ({ key_question_id: id, answer: i < yes ? "ANSWER_YES" : "ANSWER_NO" })),
});

try {
  await call("OpenInspection", {
    inspection_id: inspectionId,
    pdu_id: "js-pdu",
    pdu_name: "A PDU seen from JavaScript",
    region: "North East",
    rulebook: { id: "hmip-pdu-2023", version: 1 },
    fieldwork_start: { year: 2025, month: 6, day: 2 },
    fieldwork_end: { year: 2025, month: 6, day: 27 },
    actor: "grpc-js",
  });
  const ack = await call("RecordJudgements", {
    inspection_id: inspectionId,
    actor: "grpc-js",
    judgements: [judgement("js-1", 12), judgement("js-2", 6), judgement("js-3", 0)],
  });
  const inspection = await call("GetInspection", { inspection_id: inspectionId });
  console.log(JSON.stringify({
    outcomes: ack.outcomes,
    version: inspection.version,
    cases: inspection.results.cases,
    score: inspection.results.overall.score,
    standards: inspection.results.standards.map((s) => [s.standard_id, s.rating]),
    key_questions: inspection.results.key_questions.map((k) => [k.key_question_id, k.yes, k.applicable]),
  }));
} catch (error) {
  console.error(`grpc-js client failed: ${error.code} ${error.details ?? error.message}`);
  process.exit(1);
} finally {
  client.close();
}
