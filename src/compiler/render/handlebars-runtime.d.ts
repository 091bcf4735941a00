/**
 * Handlebars' runtime alone (`handlebars/runtime`): its own typings declare the module empty. It is
 * the same Handlebars object as the full package's, without the compiler.
 */
declare module "handlebars/runtime" {
  import Handlebars = require("handlebars");
  export = Handlebars;
}
