"""The words of stopping and restarting the salon's offers (opt-out, opt-in), written as
`domain.chat_lexicon`'s are: normalised, `*` for the rest of a word. Read by `domain.chat_consent`.
"""

from __future__ import annotations

from typing import Final

# fmt: off
OPT_OUT_COMMANDS: Final = (
    "sair", "parar", "stop", "pare", "para", "parem", "descadastrar", "descadastra", "descadastre",
    "remover", "remova", "excluir", "exclua", "unsubscribe", "tirar", "tira", "tire", "tirem",
    "cessem", "cesse", "cessar", "interrompam", "interrompa", "pausem", "pause", "suspendam",
    "suspenda",
)
OPT_OUT_FILLERS: Final = (
    "por", "favor", "pf", "pfv", "pfvr", "obrigada", "obrigado", "quero", "pode", "podem", "me",
)
# The salon's messages, as clients name them when they want no more of them.
MESSAGES: Final = (
    "(?:mensage*|msg*|promo*|oferta*|propaganda*|notifica*|envio*|disparo*|anuncio*|novidade*|"
    "campanha*|comunicac*|recebimento*|publicidad*|lembrete*|marketing|sms|texts|ofers|"
    "messages|promotions)"
)
# Words that stop or refuse, and the salon's ways of reaching the client (lists, numbers, sending).
STOP_WORDS: Final = (
    "(?:nao|nunca|chega|para|pare|parem|parar|sai|sair|saio|tira|tire|tirem|tirar|retir*|remov*|"
    "exclu*|apag*|delet*|bloque*|desativ*|suspend*|esquec*|some|sumam|deixa|deixe|desiste|"
    "encerr*|dispens*|recus*|cess*|revog*|"
    # the same wish as a noun: "solicito a remocao do meu contato"
    "remocao|exclusao|retirada|descadastro|descadastramento|desinscricao|cancelamento|"
    "eliminacao|interrupcao|suspensao)"
)
REACHING_WORDS: Final = (
    "(?:" + MESSAGES[3:-1] + "|lista*|whats*|zap|wpp|contato|numero|cadastro|grupo*|marketing|"
    "receber|recebendo|mandar|mandando|mandam|mandem|enviar|enviando|enviam|enviem|"
    "chegando|me chamar|"
    "me chamando|me escrever|me escrevendo)"
)
OPT_OUT_PHRASES: Final = (
    "sair da lista", "sair dessa lista", "sair desta lista", "quero sair", "me tira* da* lista",
    "me tire* da* lista", "me remov* da* lista", "me exclu* da* lista", "tira* meu numero",
    "remov* meu numero", "exclu* meu numero", "tira* meu contato", "para* de me mand*",
    "para* de mand*", "pare* de me mand*", "pare* de mand*", "para* de me envia*",
    "para* de envia*", "pare* de envia*", "nao quero mais receber", "nao quero receber",
    "nao desejo mais receber", "nao desejo receber", "nao me mand* mais", "nao mand* mais",
    "nao me envi* mais", "nao envi* mais", "descadastr*", "stop", "cancelar inscricao",
    "cancelar minha inscricao", "chega de mensage*", "chega de promoc*", "nao quero mais mensage*",
    "nao quero mais promoc*", "nao quero mais oferta*",
    "cancela* (?:essas |as |estas |de |o envio de |os envios de )?(?:mensage*|promoc*|oferta*"
    "|propaganda*|notifica*)",
    # everyday ways of saying it
    "me remov*", "me exclu*", "me tira* (?:dessa|desta|da|do|desse|deste)", "me bloqueia*",
    "bloqueia* meu (?:numero|contato)", "esquece* meu (?:numero|contato)",
    "(?:tira*|remov*|exclu*|apaga*|deleta*) (?:o )?meu (?:numero|contato|telefone|cadastro)",
    "nao (?:quero|desejo) (?:mais )?receber",
    "nao me (?:mand*|envi*|cham*|manda*)(?: \\w+){0,3} mais",
    "nao (?:mand*|envi*) mais", "chega de (?:mensage*|promo*|oferta*|propaganda*|msg)",
    "(?:para*|pare*|deixa* de|deixe* de) (?:de )?(?:me )?(?:mand*|envi*)(?: \\w+){0,3} "
    "(?:mensage*|promo*|oferta*|propaganda*|msg|isso|essas|coisas)",
    "opt ?out",
    "(?:sair|saio) (?:dessa|desta|da) lista",
    "(?:fora|sair|saio|tira*|tire*|remov*|exclu*|retir*)(?: \\w+){0,3} lista de transmissao",
    "nao tenho interesse(?: \\w+){0,4} (?:mensage*|promo*|oferta*)",
    "(?:quero|queria|como (?:eu )?faco para|como faz para) parar de receber",
    "parar de receber", "nao quero receber mais", "nao (?:mandem|mande|envie|enviem) mais",
    "nunca mais (?:me )?(?:mand*|envi*|cham*)", "(?:nao|para de|parem de) me incomod*",
    "nao quero (?:mais )?(?:ser incomodad*|contato|saber de voces)", "me deixa* em paz",
    "nao (?:entre*|entra*) mais em contato", "(?:retire*|remova*|remove*|apague*|exclua*|exclui) "
    "(?:o )?meu (?:numero|contato|telefone|cadastro|nome)", "cancela* (?:o )?meu cadastro",
    "desinscrev*", "unsubscribe", "nao autoriz*", "(?:tira*|tire*) eu da lista",
    "me tira* (?:dai|disso|daqui)", "nao me (?:adicion*|inclu*|coloc*) (?:mais )?(?:em|na|nessa)",
    "(?:para*|pare*) com (?:essas |as )?(?:mensage*|promo*|oferta*|propaganda*|msg)",
    # a stop word near a word for the salon's messages
    "(?:para|pare|parem|parar) (?:de|com)(?: \\w+){0,3} " + MESSAGES,
    "(?:cancela|cancele|cancelem|cancelar|desativa|desative|desativem|desativar|suspende|"
    "suspenda|suspender|bloqueia|bloqueie|bloquear|interrompa|interromper)(?: \\w+){0,2} "
    + MESSAGES,
    "sem mais " + MESSAGES,
    # no more wish for them (declining one offer, "não quero essa promoção", is not stopping all)
    "nao (?:quero|preciso|desejo) mais(?: \\w+){0,2} " + MESSAGES,
    "nao (?:quero|preciso|desejo) (?:de )?(?:nenhuma|mais nenhuma) " + MESSAGES,
    "nao (?:tenho|temos) mais interesse", "nao quero (?:saber|ouvir falar) (?:de|das|dessas) "
    + MESSAGES,
    "nao (?:pedi|autorizei|solicitei) (?:pra|para|a) (?:receber|voces me mandarem)",
    "nao me (?:contat*|contact*|notific*|perturb*|procur*) mais",
    "nao quero ser (?:notificad*|contatad*|contactad*|avisad*|perturbad*)",
    # the client's number or name off the list
    "(?:tira|tire|tirem|tirar|retira|retire|retirem|retirar|remove|remova|removam|remover|"
    "apaga|apague|apaguem|apagar|exclua|excluam|excluir|deleta|delete|deletar)"
    " (?:o |meu |esse |este |o meu )?(?:nome|numero|contato|telefone|cadastro)"
    " (?:da|dessa|desta|do|desse|deste|dai|daqui|de voces|dos envios)",
    "(?:tirem|retirem|removam|apaguem|excluam) (?:o |meu |o meu )?(?:numero|contato|nome)",
    "me (?:retir*|remov*|exclu*) (?:da|dessa|desta|do|desse|deste) "
    "(?:lista*|grupo*|envio*|cadastro*|sistema)",
    "(?:para*|pare*|parem) de encher",
    # nothing more from the salon, in so many words
    "nao (?:quero|desejo|gostaria de) (?:mais )?(?:nada|coisa nenhuma) (?:de|com|vindo de) voces",
    "(?:dispenso|recuso|rejeito|nao aceito mais) (?:as |essas |estas |suas |os |esses )?"
    + MESSAGES,
    "nao (?:quero|desejo|gostaria de) (?:ser |estar |ficar |mais )?(?:incluid*|inclus*|inscrit*|"
    "cadastrad*|participar|fazer parte)(?: \\w+){0,3} (?:lista*|campanha*|grupo*|envio*|"
    "cadastro*|promo*|oferta*|disparo*)",
    "nao (?:quero|desejo|gostaria de) (?:mais )?ser (?:notificad*|contatad*|contactad*|avisad*|"
    "perturbad*|incomodad*|procurad*|lembrad*)",
    "me (?:esquece|esquecam|esqueca)(?! (?:nao|de|do|da))",
    "(?:estou|fico|quero ficar) fora (?:dessa*|desta*|desse*|das|da|dos|do|de) (?:lista*|"
    + MESSAGES[3:],
    "cancel* (?:a |minha |meu )?(?:inscricao|assinatura|cadastro)(?: \\w+){0,3} "
    "(?:lista*|" + MESSAGES[3:],
    "(?:bloquei|bloqueei|bloqueamos|vou bloquear|vou te bloquear|vou bloquear voces) "
    "(?:voces|o numero de voces|esse numero|este numero|o contato)",
    "(?:remove*|remova|tira|tire|tirem|exclui|exclua|apaga|apague|retira|retire) eu(?!\\w)",
    "(?:encerr*|cancel*|apag*|delet*|exclu*) (?:o |meu |o meu )?(?:cadastro|registro)",
    # learnt from the training set (tests/unit/chat_table_opt_out_training.py)
    "me (?:tira*|tire*|remov*|exclu*) (?:dessas|destas|das|desses|destes|dos)(?: \\w+){0,2} "
    + MESSAGES,
    "(?:para*|pare*|parem) com(?: \\w+){0,4} " + MESSAGES,
    "(?:sai|saia|saiam) (?:do|da) meu (?:zap|whats*|wpp|numero|celular|telefone|contato)",
    "(?:tira*|tire*|tirem|remov*|exclu*|retir*|apag*)(?: \\w+){0,3} (?:da|dessa|desta) lista",
    "(?:tira*|tire*|remov*|exclu*|apaga*|deleta*|retir*) (?:o )?meu (?:whats*|zap|wpp|celular)",
    "nao precisa (?:mais )?(?:me )?(?:mand*|envi*)(?: \\w+){0,3} " + MESSAGES,
    "nao precisa (?:mais )?(?:me )?(?:mand*|envi*) mais",
    "nao (?:quero|preciso|desejo) (?:de |receber )?(?:mensage*|msg*|promocoes|propagandas|ofertas|"
    "notificacoes|anuncios|novidades)",
    "nao (?:sejam|seja|ser|serem) (?:mais )?(?:utilizad*|usad*)(?: \\w+){0,4} "
    "(?:envio*|marketing|" + MESSAGES[3:],
    "(?:remocao|exclusao|retirada|descadastro|descadastramento|desinscricao) (?:do|de|da) "
    "(?:meu |o meu |minha )?(?:numero|contato|telefone|cadastro|nome|dados|celular|whats*|zap)",
    "(?:interromp*|suspend*|paus*) (?:o |os |as |essas |esses )?(?:envio*|disparo*|" + MESSAGES[3:],
    "(?:nao|nem) (?:me )?(?:mand*|envi*) mais",
    "(?:para*|pare*|parem) de (?:me )?(?:oferec*|ofertar)",
    "(?:remov*|tir*|exclu*|retir*) me (?:da|dessa|desta|de|das)(?: \\w+){0,2} lista*",
    "(?:prefiro|preferia|gostaria de|prefiro entao) nao (?:receber|ser contatad*|ser avisad*)",
    # learnt from the second, harder training set (chat_table_opt_out_training_second.py)
    "(?:pedi|peco|pedindo|pedir|falei|disse|mandei|avisei) (?:pra|para|que) (?:voces )?"
    "(?:parar|pararem|parem|sair|tirar|me tirar|nao mand*|nao envi*|me remover|me tirarem)",
    "(?:cessacao|cessar|cessem|interrupcao|suspensao|eliminacao) (?:de |da |do |das |dos )?"
    "(?:qualquer |toda |todo |todas |todos )?(?:\\w+ ){0,2}" + MESSAGES,
    "revog* (?:o |meu |o meu )?(?:consentimento|autorizac*)",
    "se (?:continuar*|voltar*|seguir*) (?:chegando|mandando|enviando|vindo)",
    "(?:me )?deix(?:a|e|em|am)* (?:em paz|quiet*|sossegad*)",
    "(?:podem |pode )?economiz*(?: \\w+){0,3} (?:mensage*|msg|promo*|trabalho|envio*)",
    "(?:to|tou|estou|fico|ta) de boa (?:dessas|desses|das|dos|de|disso)",
    "deixar de (?:fazer parte|participar|receber)",
    "(?:me )?(?:inclui|deixa|coloca|bota|poe|deixem|coloquem) fora",
    "fora (?:dessas|dessa|das|desses|disso)(?: \\w+){0,2} " + MESSAGES,
    "(?:me )?deslig* (?:dai|daqui|da lista|disso|dessa*|das|desse*|do grupo)",
    "sem me (?:incluir|colocar|mandar|enviar|chamar)",
    "me poup* (?:das|dessas|de|dos|desses)",
    "nao quero (?:mais )?(?:isso|essas coisas|nada disso|nada) no meu "
    "(?:celular|whats*|zap|telefone|numero)",
    "(?:propaganda*|promo*|publicidad*|oferta*|spam) nao(?: obrigad*| valeu)?(?= \\||$)",
    "(?:tem como|como (?:eu )?faco (?:pra|para)|como faz (?:pra|para)|como (?:eu )?paro de) "
    "(?:parar|nao receber|sair|receber menos|deixar de receber)",
    "nao quero saber de (?:salao|voces|nada|promo*|mensage*)",
    "(?:mensage*|msg|promo*|propaganda*)(?: \\w+){0,3} (?:me )?(?:fazendo mal|faz mal|machuca*|"
    "e uma dor|doi)",
    "nao me (?:mand*|envi*)(?: \\w+){0,2} (?:mas|mais) (?:nada|nd)",
    # in English or Spanish
    "no more (?:messages|ofers|texts|promotions|promos|ads|spam)", "take me of", "remove me",
    "stop (?:sending|texting|messaging)", "dont (?:send|text|message|contact)",
    "opt me out", "no me (?:manden|mandes|envien|envies|escriban|escribas)",
    "no (?:quiero|deseo) (?:recibir|mas)", "no me interesa", "(?:darme|dar) de baja",
    "no mas (?:mensajes|publicidad|ofertas|promociones)",
)
# Reasons the salon's messages reach no one who wants them (a death, a number now someone
# else's, a client no more): with a word for the salon's ways of reaching them, a stop;
# alone, the agent asks.
STOP_REASONS: Final = (
    "faleceu", "falecid*", "morreu", "falecimento", "nao sou (?:mais )?cliente(?! ainda)",
    "numero errado", "nao moro mais", "moro (?:fora|em outr*|no exterior)",
    "(?:mudei|mudamos|me mudei|nos mudamos) de (?:cidade|estado|pais)",
    "(?:mudei|mudamos|me mudei|nos mudamos) (?:para|pra|pro) (?:outr* (?:cidade|estado|pais)|"
    "o exterior|fora)",
    "nao (?:vou|frequento|piso|volto) mais (?:ai|em salao|no salao|nesse salao|a salao)",
    "nao piso mais", "nunca mais (?:vou|volto|piso)", "nao (?:vou|vamos) mais ser client*",
    "nao pretendo voltar", "comprei (?:o|esse|este) chip", "esse numero (?:agora )?e meu",
    "(?:quem|como) (?:te |lhe |vos |voces )?(?:deu|passou|conseguiram|pegaram|arrumaram|tem) "
    "(?:o )?meu numero", "nunca (?:coloquei o pe|pisei|fui cliente)",
    "nao conheco (?:nenhuma|nenhum)", "(?:nao|nem) moro (?:mais )?(?:nessa|nesta|na|aqui|ai)",
)
# A clause that is only a wish to stop, said without naming what ("agora podem parar", "chega"):
# a stop in a message about the salon's ways of reaching the client, else the agent asks.
CLAUSE_STOPS: Final = (
    "(?:(?:ja|agora) )?(?:pode|podem) (?:parar|me tirar|tirar|me remover)"
    "(?: hein| viu| ta| por favor| pfv)?",
    "nao quero (?:em nenhum|nenhum dos dois|nenhuma delas|mais nada)(?: \\w+){0,3}",
    "(?:ja )?chega(?: serio| ja| gente| por favor| disso| dessa*)?", "basta", "desapega",
    "nao (?:precisa|precisam) (?:mais|mandar)(?: nao)?", "(?:para|parem|pare) com isso",
    "cessem", "(?:pode |podem )?me (?:tira|tire|tirar|remove|remova|exclui|exclua)",
)

# About the salon's messages, unhappy, but no clear "stop": the agent asks whether to stop them.
MAYBE_OPT_OUT_CUES: Final = (
    "(?:mensage*|promo*|oferta*|propaganda*|msg)(?: \\w+){0,4} (?:chat*|demais|encher|spam|"
    "incomod*|enjoa*|irrita*|todo dia|toda hora)",
    "(?:muita*|muito|tanta*|tanto|demais de) (?:mensage*|promo*|oferta*|propaganda*|msg)",
    "(?:nao gosto|odeio|detesto) (?:dessa*|desta*|de|das|da) "
    "(?:mensage*|promo*|oferta*|propaganda*)",
    "spam",
    # a stop or a refusal near the salon's ways of reaching the client, in one clause: not a clear
    # "stop" ("nao quero ficar recebendo isso"), but never to be answered with an offer
    STOP_WORDS + "(?: \\w+){0,5} " + REACHING_WORDS,
    REACHING_WORDS + "(?: \\w+){0,3} " + STOP_WORDS + "(?: \\w+){0,2} (?:mais|isso|nada)",
    "sair (?:dessa|desta|desse|deste|daqui|disso|da|do)",
    # tired of them, or a threat to report them: ask
    "(?:cansad*|cansei|enjoei|enjoad*|farta|farto|saturad*|de saco cheio)(?: \\w+){0,3} "
    "(?:de )?(?:receber|" + MESSAGES[3:-1] + ")",
    "(?:para|pare|parem|chega) (?:com isso|disso)(?: por favor| pelo amor de deus| ja| agora)?"
    "(?= \\||$)", "^(?:chega|basta)(?: \\w+){0,2}$",
    "(?:toda semana|todo dia|todo santo dia|toda hora|direto|de novo)(?: \\w+){0,3} " + MESSAGES,
    "(?:denunci*|procon|reclame aqui|reportar|report*)(?: \\w+){0,6} (?:numero|spam|"
    + MESSAGES[3:-1] + "|mandar*|mandarem|enviar*)",
    "(?:numero|spam|" + MESSAGES[3:-1] + "|mandar*|mandarem|enviar*)(?: \\w+){0,6} "
    "(?:denunci*|procon|reclame aqui|reportar|report*)",
)
MAYBE_OPT_OUT_MORE: Final = (
    "mais uma (?:promo*|mensage*|oferta*|propaganda*)", "(?:nao leio|nem leio|so apago|apago "
    "(?:tudo|sem ler)|ignoro|vai direto pro lixo)", "silenciei",
    "(?:promo*|mensage*|oferta*)(?: \\w+){0,3} nao (?:e|sao) (?:pra|para) mim",
    "(?:^|\\| )(?:ja )?(?:cansei|enjoei|to cansad*|estou cansad*)(?: disso| dessa*| ja)?(?= \\||$)",
)
# A message that did not arrive is no wish to stop them: "nao chegou a mensagem de confirmacao".
NOT_MAYBE_OPT_OUT: Final = (
    "nao (?:me )?(?:chegou|chegaram|recebi|recebo|recebemos|veio|vieram|apareceu|apareceram|vi|li)",
)
# Asking to receive the salon's offers again (a client who had stopped them).
OPT_IN_PHRASES: Final = (
    "(?:quero|queria|aceito|gostaria de|pode) (?:voltar a |volta a )?(?:receber|me mandar|me "
    "enviar) (?:de novo )?(?:as |suas |essas |os )?(?:promo*|oferta*|mensage*|novidade*)",
    "(?:volta*|voltar) a (?:receber|mandar|me mandar) (?:as |suas )?(?:promo*|oferta*|mensage*|"
    "novidade*)",
    "me (?:coloca*|poe|bota*|inclui*|adiciona*) (?:de novo |de volta )?na lista",
    "(?:pode|podem) (?:voltar a )?me mandar (?:as |suas )?(?:promo*|oferta*|mensage*|novidade*)",
    "me (?:inscreve*|cadastra*) (?:de novo )?(?:nas|para as|pra receber) (?:promo*|oferta*)",
    "me (?:avis*|manda*|envia*|cham*)(?: \\w+){0,3} (?:promo*|oferta*|novidade*)",
    "(?:quero|queria|gostaria de) (?:ficar sabendo|saber|participar) (?:das|de) (?:promo*|oferta*|"
    "novidade*)",
    "me (?:inclu*|adiciona*|coloca*|poe|bota*)(?: \\w+){0,2} (?:na|nessa|de volta na) lista",
    "opt ?in", "(?:me )?recadastr*",
    "(?:agora )?(?:quero|queria|gostaria de) (?:voltar|entrar)(?: de novo| novamente)?(?= \\||$)",
    "como (?:eu )?(?:faco|faz) (?:pra|para) (?:voltar|receber de novo|entrar de novo)",
    "(?:retom*|volte*|voltem) (?:o |a |os |as )?(?:envio*|mensage*|promo*|oferta*)",
    "sinto falta (?:das|dos|de) (?:mensage*|promo*|oferta*|novidade*)",
    "ad me back", "(?:sign|subscribe) me (?:back|up|again)", "(?:resume|restart) (?:the )?"
    "(?:messages|ofers)",
    "desisti de nao receber",
    "(?:autorizo|aceito|permito|libero|concordo com)(?: \\w+){0,4} "
    "(?:promo*|oferta*|mensage*|msg*|novidade*|envio*|receber)",
    "(?:ativa*|ative*|religa*|religue*|liga*|libera*|desbloqueia*|desbloqueie*)(?: \\w+){0,2} "
    "(?:de novo |novamente |de volta )?(?:as |os |minhas |meus )?"
    "(?:msg*|mensage*|promo*|oferta*|notifica*|novidade*|envio*)",
    "(?:autorizo|aceito|pode mandar) (?:receber )?(?:as |suas )?"
    "(?:promo*|oferta*|mensage*|novidade*)",
    "(?:quero|pode) receber (?:as |suas )?(?:promo*|oferta*|mensage*|novidade*)",
    "reativ*", "(?:me )?(?:inscrev*|cadastr*|coloc*|inclu*|adicion*)(?: \\w+){0,3} "
    "(?:de novo|de volta|novamente)",
    # wanting to be sent offers: a send or receive word near an offer word
    "(?:receber|mandar|enviar|mande|mandem|envie|enviem|manda|envia)(?: \\w+){0,4} "
    "(?:promo*|oferta*|mensage*|novidade*|desconto*)(?: \\w+){0,3} (?:de novo|de volta|novamente)",
    "(?:de novo|de volta|novamente|voltar a|volta a|voltem a|volte a)(?: \\w+){0,3} "
    "(?:receber|mandar|enviar|me mandar|me enviar)",
)
# What an opt-in names (the salon's offers, its messages, its list; or "receber" itself, which
# in a salon's chat is its messages): one must be said.
OPT_IN_WHAT: Final = (
    "promo*", "oferta*", "mensage*", "msg*", "novidade*", "desconto*", "lista*", "cupo*",
    "propaganda*", "comunicado*", "informativo*", "avisos", "noticia*", "whats*", "zap", "receber",
    "inscrev*", "inscricao", "recadastr*", "opt ?in", "transmissao", "notifica*", "envio*",
    "ofers", "messages", "list",
)
# Said with the above, it is a wish to receive: "quero", "pode", "aceito"…
OPT_IN_WANTS: Final = (
    "quero", "queria", "gostaria", "pode", "podem", "aceito", "autorizo", "manda", "mande",
    "mandem", "envia", "envie", "enviem", "voltar", "volta", "voltem", "volte", "mudei de ideia",
    "coloca", "coloque", "inclui", "inclua", "adiciona", "adicione", "avisa", "avise", "chama",
    "cadastra", "inscreve", "reativa", "reative", "reativar", "incluam", "inclui*", "coloquem",
    "ativa", "ative", "religa", "religue", "liga", "libera", "libere", "permito", "recadastra*",
    "inscrever", "opt ?in", "desbloqueia", "desbloqueie", "arrependi", "mudei de ideia",
    "poe", "bota", "retom*", "sinto falta", "religar", "entrar", "ad", "sign", "subscribe",
    "desisti",
    "resume", "restart", "como faco", "como faz",
)
# Not about the salon's offers, though their words are there: a waiting list, leaving work early,
# a booking's name or number, being received or seen by a professional. Blanked before reading.
NOT_ABOUT_CONSENT: Final = (
    "(?:me )?(?:tira*|tire*|remov*|exclu*|retir*|coloca*|coloque*|poe|bota*|inclu*|adicion*|"
    "sair|saio|sai|entrar|entro|estou|to|ta|fica*) (?:da|na|dessa|nessa|desta|nesta|de|em) "
    "lista de espera", "lista de espera", "fila de espera",
    "(?:sair|saio|sai|saindo) (?:mais cedo|mais tarde|cedo|tarde|do trabalho|do servico|de casa|"
    "da aula|da faculdade|do escritorio|daqui a|daqui uns|daqui umas|agora|correndo|atrasad*|"
    "antes|depois|as \\d+*)",
    "(?:nome|numero|contato|telefone) (?:do|da|desse|dessa|deste|desta|no|na|nesse|nessa) "
    "(?:horario|agendamento|reserva|marcacao|atendimento|agenda|servico|corte|procedimento)",
    "receber (?:o |a |os |as |um |uma |meu |minha )?(?:atendimento|servico|tratamento|visita|"
    "corte|cliente*|pagamento|troco|pix|encomenda|produto|pedido|kit|brinde)",
    "nao me mand* (?:mensage*|msg) (?:depois|antes|a noite|de madrugada|cedo|tarde)",
    "nao mudei de numero",
    "receber (?:ligac*|chamad*|telefonema*|audio*|email*|e mail)",
    "(?:mand*|envi*) (?:audio*|foto*|video*|figurinha*|sticker*|localizac*)",
)
# A stop told as past ("eu tinha pedido pra sair da lista"): beside a wish to be back, no stop.
PAST_STOP: Final = (
    "(?:tinha|havia|ja tinha|ja havia) (?:pedido|solicitado|cancelado|saido|desativado|"
    "descadastrado|bloqueado|parado|desistido|recusado|tirado|removido|mandado|enviado|"
    "escrito|respondido|revogado)(?: \\w+){0,5}",
    "(?:pedi|solicitei|cancelei|sai|desativei|bloqueei|parei|desisti|recusei|tirei|removi)"
    "(?: \\w+){0,5}",
)
# fmt: on
