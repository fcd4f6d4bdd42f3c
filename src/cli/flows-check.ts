import { formatProblem, loadFlows } from '../flows/index';
import { readFlowDir } from '../flows/flow-dir.node.ts';
import { flagValue } from './args';

/** `npm run flows:check [-- --flows DIR]`: every mistake in the flow files, or a one-line summary. */
const dir = flagValue(process.argv, '--flows') ?? process.env.FLOWS_DIR ?? 'flows';
const result = loadFlows(await readFlowDir(dir));
for (const warning of result.warnings) console.log(formatProblem(warning));
if (!result.ok) {
  for (const error of result.errors) console.error(formatProblem(error));
  console.error(`\n${result.errors.length} lỗi trong ${dir}/ — bot sẽ không chạy các tệp này cho tới khi sửa xong.`);
  process.exit(1);
}
const { shop, flows, version } = result.flows;
console.log(
  `OK ${dir}/: ${flows.size} luồng, ${shop.catalog.length} sản phẩm, ${shop.shipping.zones.length} vùng giao hàng, ` +
    `${shop.promotions.length} khuyến mãi, ${result.warnings.length} cảnh báo (phiên bản ${version})`,
);
