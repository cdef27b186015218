#!/usr/bin/env node
// A consumer of Confab's public conversation.events written by another team, in another language: it reads the
// topic with kafkajs, checks each record's CloudEvents headers, and validates each event against the JSON Schema
// its ce_dataschema header names, loaded from the published files (docs/schemas). It prints a summary as JSON and
// exits 1 when an event is invalid or fewer than --min-events arrived before --timeout-seconds.
//
//   node consume.mjs [--bootstrap-servers localhost:19092] [--topic conversation.events] [--min-events 1]
//                    [--timeout-seconds 60] [--schemas ../../docs/schemas]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Kafka, logLevel } from 'kafkajs';

const here = dirname(fileURLToPath(import.meta.url));
const options = {
  '--bootstrap-servers': 'localhost:19092',
  '--topic': 'conversation.events',
  '--min-events': '1',
  '--timeout-seconds': '60',
  '--schemas': join(here, '../../docs/schemas'),
};
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  if (!(args[i] in options) || args[i + 1] === undefined) {
    console.error(`Unknown or incomplete option ${args[i]}; options: ${Object.keys(options).join(' ')}`);
    process.exit(2);
  }
  options[args[i]] = args[i + 1];
}

// Every published schema, addressed by its $id (https://confab.dev/schemas/v1/<type>.json), as ce_dataschema names it.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
for (const version of readdirSync(options['--schemas'])) {
  for (const file of readdirSync(join(options['--schemas'], version))) {
    ajv.addSchema(JSON.parse(readFileSync(join(options['--schemas'], version, file), 'utf8')));
  }
}

const summary = { events: 0, invalid: 0, types: {}, problems: [] };
const header = (message, name) => message.headers?.[name]?.toString();
function check(message) {
  const event = JSON.parse(message.value.toString());
  const problems = [];
  const expected = { ce_specversion: '1.0', ce_id: event.eventId, ce_type: `dev.confab.${event.type}`,
    ce_subject: event.conversationId, 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(expected)) {
    if (header(message, name) !== value) {
      problems.push(`header ${name} is ${header(message, name)}, expected ${value}`);
    }
  }
  const validate = ajv.getSchema(header(message, 'ce_dataschema'));
  if (!validate) {
    problems.push(`no published schema ${header(message, 'ce_dataschema')}`);
  } else if (!validate(event)) {
    problems.push(ajv.errorsText(validate.errors));
  }
  summary.events++;
  summary.types[event.type] = (summary.types[event.type] ?? 0) + 1;
  if (problems.length > 0) {
    summary.invalid++;
    summary.problems.push({ offset: message.offset, type: event.type, problems });
  }
}

const kafka = new Kafka({ clientId: 'node-consumer-example', brokers: options['--bootstrap-servers'].split(','),
  logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId: `node-consumer-example-${process.pid}-${Date.now()}` });
await consumer.connect();
await consumer.subscribe({ topic: options['--topic'], fromBeginning: true });
const enough = new Promise((resolve) => {
  consumer.run({
    eachMessage: async ({ message }) => {
      check(message);
      if (summary.events >= Number(options['--min-events'])) {
        resolve();
      }
    },
  });
});
const timeout = new Promise((resolve) => setTimeout(resolve, Number(options['--timeout-seconds']) * 1000));
await Promise.race([enough, timeout]);
await consumer.disconnect();
console.log(JSON.stringify(summary));
process.exit(summary.invalid === 0 && summary.events >= Number(options['--min-events']) ? 0 : 1);
