/**
 * The AWS services the program uses, imported one by one: `@pulumi/aws`'s index requires every one of its
 * ~250 service modules (each lazy inside, pulumi/pulumi#7653), which is most of the time loading the package
 * takes; a service's own module registers everything its resources need.
 */
export * as iam from '@pulumi/aws/iam';
export * as kms from '@pulumi/aws/kms';
export * as s3 from '@pulumi/aws/s3';
export * as secretsmanager from '@pulumi/aws/secretsmanager';
export * as sqs from '@pulumi/aws/sqs';
