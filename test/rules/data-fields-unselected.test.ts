import { dataFieldsUnselected } from '../../src/rules/data-fields-unselected';
import { environmentWithBlock } from './data-fixtures';
import { ruleTester } from './rule-tester';
import { yml } from './yml';

ruleTester(dataFieldsUnselected, {
  valid: [
    { name: 'the baseline', files: {} },
    { name: 'fields of selected types', files: { 'config/staging.yaml': environmentWithBlock('data:\n  types: [ACTIVITY]\n  fields: { activity: [steps], athlete: [age] }') } },
    { name: 'types not managed: nothing to compare with', files: { 'config/staging.yaml': environmentWithBlock('data:\n  fields: { sleep: [duration] }') } },
  ],
  invalid: [
    {
      name: 'fields for a type the selection leaves out',
      files: {
        'config/staging.yaml': environmentWithBlock(yml`
          data:
            types: [ACTIVITY]
            fields:
              activity: [steps]
              sleep: [duration]
        `),
      },
      errors: [{ ruleId: 'data-fields-unselected', line: 15, column: 5 }],
    },
  ],
});
