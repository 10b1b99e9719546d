// The table from operation name to the function that serves it: the only place an operation is wired.
import type { OperationName, Responses, ValidRequests } from '../../shared/operations';
import type { ServiceContext } from './context';
import * as aliases from './alias-operations';
import * as derive from './derive-operation';
import * as lifecycle from './key-lifecycle';
import * as keys from './key-operations';
import * as tags from './tag-operations';
import * as wrappedImport from './wrapped-import';

export type OperationHandlers = {
  [Op in OperationName]: (ctx: ServiceContext, request: ValidRequests[Op]) => Promise<Responses[Op]>;
};

export const OPERATION_HANDLERS: OperationHandlers = {
  CreateKey: keys.createKey,
  ImportKey: keys.importKey,
  DescribeKey: keys.describeKey,
  ListKeys: keys.listKeys,
  ListKeyDetails: keys.listKeyDetails,
  GetPublicKey: keys.getPublicKey,
  GetKeychainStatus: keys.getKeychainStatus,
  EnableKey: lifecycle.enableKey,
  DisableKey: lifecycle.disableKey,
  ScheduleKeyDeletion: lifecycle.scheduleKeyDeletion,
  CancelKeyDeletion: lifecycle.cancelKeyDeletion,
  CreateAlias: aliases.createAlias,
  UpdateAlias: aliases.updateAlias,
  DeleteAlias: aliases.deleteAlias,
  ListAliases: aliases.listAliases,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListResourceTags: tags.listResourceTags,
  DeriveSharedSecret: derive.deriveSharedSecret,
  InspectPublicKey: derive.inspectPublicKey,
  GetParametersForImport: wrappedImport.getParametersForImport,
  ImportKeyMaterial: wrappedImport.importKeyMaterial,
};
