'use strict';
// Pulumi.yaml `main`: the terra-iac Pulumi program from the installed package, over this repository's
// config/, Pulumi.yaml and Pulumi.<stack>.yaml. `pulumi up --stack <env>` deploys config/<env>.yaml.
module.exports = require('terra-iac/pulumi').terraIacStack(__dirname);
