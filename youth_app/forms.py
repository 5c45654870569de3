"""Flask-WTF forms: every POST carries a CSRF token. Services do the real validation."""
from flask_wtf import FlaskForm
from wtforms import (EmailField, HiddenField, PasswordField, SelectChoice, SelectField, StringField,
                     TextAreaField)
from wtforms.fields import DateField
from wtforms.validators import DataRequired, Length


class EmptyForm(FlaskForm):
    """CSRF only: for buttons such as approve, hide, open, close."""


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


class JoinForm(FlaskForm):
    school = SelectField("Your school or college", coerce=int, validators=[DataRequired()],
                         validate_choice=False)


class IdeaForm(FlaskForm):
    prompt_id = HiddenField(validators=[DataRequired()])
    text = TextAreaField("Your idea", validators=[Length(max=20000)])  # the service decides; disclosures are long


class VoteForm(FlaskForm):
    action = HiddenField(validators=[DataRequired()])


class EventForm(FlaskForm):
    title = StringField("Event title", validators=[DataRequired(), Length(max=120)])
    event_date = DateField("Date", validators=[DataRequired()])
    venue = StringField("Venue", validators=[Length(max=160)])
    theme = StringField("Theme", default="Prevention and Early Help", validators=[Length(max=160)])
    schools = TextAreaField("Attending schools and colleges (one per line)",
                            validators=[DataRequired(), Length(max=6000)])


class PromptForm(FlaskForm):
    stage = SelectField("Stage", choices=[SelectChoice("issues", "Identifying the issues"),
                                          SelectChoice("solutions", "How we could address them")])
    text = StringField("Question", validators=[DataRequired(), Length(max=200)])


class SettingsForm(FlaskForm):
    moderation = SelectField("Moderation", choices=[
        SelectChoice("pre", "Pre-moderation: ideas wait for approval"),
        SelectChoice("post", "Post-moderation: ideas show at once, hide if needed")])
    allow_self_vote = SelectField("Voting for your own idea", coerce=int,
                                  choices=[SelectChoice(1, "Allowed"), SelectChoice(0, "Not allowed")])


class ConcernUpdateForm(FlaskForm):
    status = SelectField("Status", choices=[
        SelectChoice("new", "New"), SelectChoice("in_progress", "In progress"),
        SelectChoice("passed_to_dsl", "Passed to school DSL"), SelectChoice("closed", "Closed")])
    note = TextAreaField("What was done (note)", validators=[Length(max=2000)])


class HelpForm(FlaskForm):
    message = TextAreaField("Your message", validators=[Length(max=20000)])
    contact = StringField("How to reach you (optional)", validators=[Length(max=600)])


class StaffForm(FlaskForm):
    email = EmailField("Staff email", validators=[DataRequired(), Length(max=254)])
    school = SelectField("School (teachers only)", coerce=int, validate_choice=False, default=0)


class RetentionForm(FlaskForm):
    retention_days = StringField("Keep pupils' data for this many days after the event",
                                 validators=[DataRequired(), Length(max=4)])
    extra_words = TextAreaField("Extra words to flag (one per line)", validators=[Length(max=10000)])
