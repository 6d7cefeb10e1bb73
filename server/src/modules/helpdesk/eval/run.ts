/**
 * Prints the assistant's accuracy on the held-out test set (default) or the dev set, per profile and overall.
 *   npm run -s helpdesk:eval -w server [-- --set dev] [-- --failures]
 */
import { formatMetrics, loadQuestions, metricsOf, profiles, runAll } from './evaluate';

const args = process.argv.slice(2);
const set = args.includes('--set') && args[args.indexOf('--set') + 1] === 'dev' ? 'dev' : 'test';
const results = runAll(loadQuestions(set));

console.log(`helpdesk eval, ${set} set`);
for (const p of profiles) console.log(formatMetrics(p, metricsOf(results[p])));
console.log(formatMetrics('overall', metricsOf(profiles.flatMap((p) => results[p]))));

if (args.includes('--failures')) {
  for (const o of profiles.flatMap((p) => results[p])) {
    if (o.q.expected ? o.top1 : o.reply.handoff) continue;
    const got = o.reply.answers.map((a) => `${a.id}(${a.score})`).join(' ');
    console.log(
      `✗ [${o.q.profile}${o.q.role ? `/${o.q.role}` : ''}] ${o.q.question} -> ${o.reply.handoff ? 'HANDOFF ' : ''}${got} | want ${o.q.expected?.join(',') ?? 'handoff'}`,
    );
  }
}
