import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '@link-archive/federation';
import type { UserContext } from '../context';
import { User } from '../user/user.entity';
import { AuthPayload } from './auth-payload';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload)
  async signUp(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('handle', () => String) handle: string,
    @Ctx() ctx: UserContext,
  ) {
    const result = await ctx.services.auth.signUp({ email, password, handle }, ctx.identity.clientIp);
    // the confirmation mail goes out after answering: sign-up does not wait for SMTP
    void ctx.services.emailVerification.start(result.user);
    return result;
  }

  @Mutation(() => AuthPayload)
  signUpAnonymous(
    @Arg('handle', () => String, { nullable: true }) handle: string | null,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.auth.signUpAnonymous(handle, ctx.identity.clientIp);
  }

  @Mutation(() => AuthPayload)
  signIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.auth.signIn(email, password, ctx.identity.clientIp);
  }

  @Mutation(() => Boolean, {
    description: "A new password, given the current one; the account's other sessions end.",
  })
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.auth.changePassword(requireViewer(ctx), currentPassword, newPassword);
  }

  @Mutation(() => Boolean, {
    description: 'Mails a single-use reset token (30 minutes) if an account has this address; always true.',
  })
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: UserContext) {
    return ctx.services.passwordReset.request(email, ctx.identity.clientIp);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Sets a new password with a mailed token; every session of the account ends, a new one starts.',
  })
  resetPassword(
    @Arg('token', () => String) token: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.passwordReset.reset(token, newPassword);
  }

  @Mutation(() => User, { description: 'Confirms the address a sign-up mail was sent to.' })
  verifyEmail(@Arg('token', () => String) token: string, @Ctx() ctx: UserContext) {
    return ctx.services.emailVerification.verify(token);
  }

  @Mutation(() => AuthPayload)
  refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: UserContext) {
    return ctx.services.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean)
  signOut(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: UserContext) {
    return ctx.services.auth.signOut(refreshToken);
  }

  @Mutation(() => Boolean)
  deleteAccount(@Ctx() ctx: UserContext) {
    return ctx.services.auth.deleteAccount(requireViewer(ctx));
  }
}
